import DynamoDBClient
import DynamoDBTypes
import TableStore

/// The embedded engine behind ``DynamoDBOperations``: code written against the client runs in process, with no
/// server and no port. The engine's ``DynamoDBError``s arrive as `DynamoDBClientError.service`, as the HTTP client
/// delivers DynamoDB's errors.
public struct TableStoreOperations: DynamoDBOperations {
    /// The engine the operations run on.
    public let store: TableStore

    /// Operations on `store`.
    public init(store: TableStore) {
        self.store = store
    }

    /// Operations on a fresh in-memory store.
    ///
    /// - Throws: GRDB's error when the in-memory database cannot be opened.
    public init(configuration: TableStore.Configuration = TableStore.Configuration()) throws {
        self.init(store: try TableStore(inMemory: configuration))
    }

    /// Runs one engine call, wrapping its error as the client does.
    private func call<T>(_ body: () async throws(DynamoDBError) -> T) async throws(DynamoDBClientError) -> T {
        do {
            return try await body()
        } catch {
            throw .service(error)
        }
    }

    /// GetItem on the engine.
    public func getItem(_ input: GetItemInput) async throws(DynamoDBClientError) -> GetItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.getItem(input) }
    }

    /// PutItem on the engine.
    public func putItem(_ input: PutItemInput) async throws(DynamoDBClientError) -> PutItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.putItem(input) }
    }

    /// DeleteItem on the engine.
    public func deleteItem(_ input: DeleteItemInput) async throws(DynamoDBClientError) -> DeleteItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.deleteItem(input) }
    }

    /// UpdateItem on the engine.
    public func updateItem(_ input: UpdateItemInput) async throws(DynamoDBClientError) -> UpdateItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.updateItem(input) }
    }

    /// Query (one page) on the engine.
    public func query(_ input: QueryInput) async throws(DynamoDBClientError) -> QueryOutput {
        try await call { () async throws(DynamoDBError) in try await store.query(input) }
    }

    /// Scan (one page) on the engine.
    public func scan(_ input: ScanInput) async throws(DynamoDBClientError) -> ScanOutput {
        try await call { () async throws(DynamoDBError) in try await store.scan(input) }
    }

    /// BatchWriteItem on the engine.
    public func batchWriteItem(_ input: BatchWriteItemInput) async throws(DynamoDBClientError) -> BatchWriteItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.batchWriteItem(input) }
    }

    /// BatchGetItem on the engine.
    public func batchGetItem(_ input: BatchGetItemInput) async throws(DynamoDBClientError) -> BatchGetItemOutput {
        try await call { () async throws(DynamoDBError) in try await store.batchGetItem(input) }
    }

    /// TransactWriteItems on the engine.
    public func transactWriteItems(_ input: TransactWriteItemsInput) async throws(DynamoDBClientError)
        -> TransactWriteItemsOutput
    {
        try await call { () async throws(DynamoDBError) in try await store.transactWriteItems(input) }
    }

    /// TransactGetItems on the engine.
    public func transactGetItems(_ input: TransactGetItemsInput) async throws(DynamoDBClientError)
        -> TransactGetItemsOutput
    {
        try await call { () async throws(DynamoDBError) in try await store.transactGetItems(input) }
    }

    /// CreateTable on the engine.
    public func createTable(_ input: CreateTableInput) async throws(DynamoDBClientError) -> CreateTableOutput {
        try await call { () async throws(DynamoDBError) in try await store.createTable(input) }
    }

    /// DescribeTable on the engine.
    public func describeTable(_ input: DescribeTableInput) async throws(DynamoDBClientError) -> DescribeTableOutput {
        try await call { () async throws(DynamoDBError) in try await store.describeTable(input) }
    }

    /// DeleteTable on the engine.
    public func deleteTable(_ input: DeleteTableInput) async throws(DynamoDBClientError) -> DeleteTableOutput {
        try await call { () async throws(DynamoDBError) in try await store.deleteTable(input) }
    }

    /// ListTables (one page) on the engine.
    public func listTables(_ input: ListTablesInput) async throws(DynamoDBClientError) -> ListTablesOutput {
        try await call { () async throws(DynamoDBError) in try await store.listTables(input) }
    }
}
