import DynamoDBTypes

/// The DynamoDB Streams operations (`DynamoDBStreams_20120810.*`): find a table's stream, its shards, and read
/// their records.
public protocol DynamoDBStreamsOperations: Sendable {
    /// ListStreams (one page).
    func listStreams(_ input: ListStreamsInput) async throws(DynamoDBClientError) -> ListStreamsOutput
    /// DescribeStream (one page of shards).
    func describeStream(_ input: DescribeStreamInput) async throws(DynamoDBClientError) -> DescribeStreamOutput
    /// GetShardIterator.
    func getShardIterator(_ input: GetShardIteratorInput) async throws(DynamoDBClientError) -> GetShardIteratorOutput
    /// GetRecords.
    func getRecords(_ input: GetRecordsInput) async throws(DynamoDBClientError) -> GetRecordsOutput
}
