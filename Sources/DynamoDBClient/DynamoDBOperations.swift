import DynamoDBTypes

/// The DynamoDB operations functions and apps call. The HTTP client implements them against an endpoint;
/// the test harness (LambdaTesting) implements them with the embedded engine in process.
///
/// Inputs and outputs are the wire shapes of `DynamoDBTypes`, so an item read here is the same `Item` a
/// stream event carries.
public protocol DynamoDBOperations: Sendable {
    /// GetItem.
    func getItem(_ input: GetItemInput) async throws(DynamoDBClientError) -> GetItemOutput
    /// PutItem.
    func putItem(_ input: PutItemInput) async throws(DynamoDBClientError) -> PutItemOutput
    /// DeleteItem.
    func deleteItem(_ input: DeleteItemInput) async throws(DynamoDBClientError) -> DeleteItemOutput
    /// UpdateItem.
    func updateItem(_ input: UpdateItemInput) async throws(DynamoDBClientError) -> UpdateItemOutput
    /// Query (one page).
    func query(_ input: QueryInput) async throws(DynamoDBClientError) -> QueryOutput
    /// Scan (one page).
    func scan(_ input: ScanInput) async throws(DynamoDBClientError) -> ScanOutput
    /// BatchWriteItem (one request; UnprocessedItems returned as DynamoDB returns them).
    func batchWriteItem(_ input: BatchWriteItemInput) async throws(DynamoDBClientError) -> BatchWriteItemOutput
    /// BatchGetItem (one request).
    func batchGetItem(_ input: BatchGetItemInput) async throws(DynamoDBClientError) -> BatchGetItemOutput
    /// TransactWriteItems.
    func transactWriteItems(_ input: TransactWriteItemsInput) async throws(DynamoDBClientError)
        -> TransactWriteItemsOutput
    /// TransactGetItems.
    func transactGetItems(_ input: TransactGetItemsInput) async throws(DynamoDBClientError) -> TransactGetItemsOutput
    /// CreateTable.
    func createTable(_ input: CreateTableInput) async throws(DynamoDBClientError) -> CreateTableOutput
    /// DescribeTable.
    func describeTable(_ input: DescribeTableInput) async throws(DynamoDBClientError) -> DescribeTableOutput
    /// DeleteTable.
    func deleteTable(_ input: DeleteTableInput) async throws(DynamoDBClientError) -> DeleteTableOutput
    /// ListTables (one page).
    func listTables(_ input: ListTablesInput) async throws(DynamoDBClientError) -> ListTablesOutput
}

/// Why a DynamoDB call failed: DynamoDB answered with an error, or no usable answer arrived.
public enum DynamoDBClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DynamoDB's own error (`__type`, message, cancellation reasons, the old item).
    case service(DynamoDBError)
    /// The request did not get a response (connection refused, timeout, …); the text says which.
    case transport(String)
    /// A response arrived that is not DynamoDB's (unexpected status or body); the text says what.
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .service(let error): error.description
        case .transport(let text): "DynamoDB request failed: \(text)"
        case .invalidResponse(let text): "unexpected DynamoDB response: \(text)"
        }
    }

    /// The service error's code, if DynamoDB answered.
    public var code: DynamoDBError.Code? {
        if case .service(let error) = self { return error.code }
        return nil
    }
}
