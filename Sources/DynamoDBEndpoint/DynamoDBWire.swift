import HTTPTypes

/// Constants of DynamoDB's JSON 1.0 protocol as the HTTP edge speaks it.
enum DynamoDBWire {
    /// `X-Amz-Target: <prefix>.<Operation>`.
    static let target = HTTPField.Name("X-Amz-Target")!
    /// The request ID header on every response.
    static let requestID = HTTPField.Name("x-amzn-RequestId")!
    /// The content type of requests and responses.
    static let contentType = "application/x-amz-json-1.0"
    /// The target prefix of DynamoDB's operations.
    static let dynamoDBPrefix = "DynamoDB_20120810"
    /// The target prefix of DynamoDB Streams' operations.
    static let streamsPrefix = "DynamoDBStreams_20120810"
    /// The largest request body read (DynamoDB's own limit for BatchWriteItem).
    static let maxRequestBytes = 16 * 1024 * 1024
}
