import DynamoDBTypes

// The Streams operations go to `configuration.streamsEndpoint`, signed as `dynamodb` too.
extension DynamoDBClient: DynamoDBStreamsOperations {
    /// ListStreams: sends one `ListStreams` request to the streams endpoint.
    public func listStreams(_ input: ListStreamsInput) async throws(DynamoDBClientError) -> ListStreamsOutput {
        try await call(.streams("ListStreams"), input)
    }

    /// DescribeStream: sends one `DescribeStream` request to the streams endpoint.
    public func describeStream(_ input: DescribeStreamInput) async throws(DynamoDBClientError) -> DescribeStreamOutput {
        try await call(.streams("DescribeStream"), input)
    }

    /// GetShardIterator: sends one `GetShardIterator` request to the streams endpoint.
    public func getShardIterator(_ input: GetShardIteratorInput) async throws(DynamoDBClientError)
        -> GetShardIteratorOutput
    {
        try await call(.streams("GetShardIterator"), input)
    }

    /// GetRecords: sends one `GetRecords` request to the streams endpoint.
    public func getRecords(_ input: GetRecordsInput) async throws(DynamoDBClientError) -> GetRecordsOutput {
        try await call(.streams("GetRecords"), input)
    }
}
