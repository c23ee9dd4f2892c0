import DynamoDBTypes

// Each operation is one JSON 1.0 call; `call` signs, sends, retries and decodes.
extension DynamoDBClient {
    /// GetItem: sends one `GetItem` request.
    public func getItem(_ input: GetItemInput) async throws(DynamoDBClientError) -> GetItemOutput {
        try await call(.dynamoDB("GetItem"), input)
    }

    /// PutItem: sends one `PutItem` request.
    public func putItem(_ input: PutItemInput) async throws(DynamoDBClientError) -> PutItemOutput {
        try await call(.dynamoDB("PutItem"), input)
    }

    /// DeleteItem: sends one `DeleteItem` request.
    public func deleteItem(_ input: DeleteItemInput) async throws(DynamoDBClientError) -> DeleteItemOutput {
        try await call(.dynamoDB("DeleteItem"), input)
    }

    /// UpdateItem: sends one `UpdateItem` request.
    public func updateItem(_ input: UpdateItemInput) async throws(DynamoDBClientError) -> UpdateItemOutput {
        try await call(.dynamoDB("UpdateItem"), input)
    }

    /// Query: sends one `Query` request.
    public func query(_ input: QueryInput) async throws(DynamoDBClientError) -> QueryOutput {
        try await call(.dynamoDB("Query"), input)
    }

    /// Scan: sends one `Scan` request.
    public func scan(_ input: ScanInput) async throws(DynamoDBClientError) -> ScanOutput {
        try await call(.dynamoDB("Scan"), input)
    }

    /// BatchWriteItem: sends one `BatchWriteItem` request.
    public func batchWriteItem(_ input: BatchWriteItemInput) async throws(DynamoDBClientError) -> BatchWriteItemOutput {
        try await call(.dynamoDB("BatchWriteItem"), input)
    }

    /// BatchGetItem: sends one `BatchGetItem` request.
    public func batchGetItem(_ input: BatchGetItemInput) async throws(DynamoDBClientError) -> BatchGetItemOutput {
        try await call(.dynamoDB("BatchGetItem"), input)
    }

    /// TransactWriteItems: sends one `TransactWriteItems` request.
    public func transactWriteItems(_ input: TransactWriteItemsInput) async throws(DynamoDBClientError)
        -> TransactWriteItemsOutput
    {
        try await call(.dynamoDB("TransactWriteItems"), input)
    }

    /// TransactGetItems: sends one `TransactGetItems` request.
    public func transactGetItems(_ input: TransactGetItemsInput) async throws(DynamoDBClientError)
        -> TransactGetItemsOutput
    {
        try await call(.dynamoDB("TransactGetItems"), input)
    }

    /// CreateTable: sends one `CreateTable` request.
    public func createTable(_ input: CreateTableInput) async throws(DynamoDBClientError) -> CreateTableOutput {
        try await call(.dynamoDB("CreateTable"), input)
    }

    /// DescribeTable: sends one `DescribeTable` request.
    public func describeTable(_ input: DescribeTableInput) async throws(DynamoDBClientError) -> DescribeTableOutput {
        try await call(.dynamoDB("DescribeTable"), input)
    }

    /// DeleteTable: sends one `DeleteTable` request.
    public func deleteTable(_ input: DeleteTableInput) async throws(DynamoDBClientError) -> DeleteTableOutput {
        try await call(.dynamoDB("DeleteTable"), input)
    }

    /// ListTables: sends one `ListTables` request.
    public func listTables(_ input: ListTablesInput) async throws(DynamoDBClientError) -> ListTablesOutput {
        try await call(.dynamoDB("ListTables"), input)
    }
}
