// The signer, credentials and endpoint parsing moved to AWSRequest (shared with other AWS clients); importing
// DynamoDBClient still brings `AWSCredentials` and `SigV4Signer`, as before.
@_exported import AWSRequest
