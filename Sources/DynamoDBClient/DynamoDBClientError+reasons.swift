import DynamoDBTypes

// Readable access to the parts of DynamoDB's errors a caller acts on.
extension DynamoDBClientError {
    /// DynamoDB's error, when DynamoDB answered with one.
    public var serviceError: DynamoDBError? {
        if case .service(let error) = self { return error }
        return nil
    }

    /// Whether a condition expression failed (`ConditionalCheckFailedException`).
    public var isConditionalCheckFailed: Bool { code == .conditionalCheckFailed }

    /// Whether a transaction was cancelled (`TransactionCanceledException`); see ``cancellationReasons``.
    public var isTransactionCanceled: Bool { code == .transactionCanceled }

    /// Whether DynamoDB asked to slow down (throughput exceeded, throttled, request limit exceeded).
    public var isThrottling: Bool { code.map { RetryPolicy.throttlingCodes.contains($0.rawValue) } ?? false }

    /// The item as it was when a condition failed, with `ReturnValuesOnConditionCheckFailure: ALL_OLD`.
    public var conditionCheckItem: Item? { serviceError?.item }

    /// One reason per action of a cancelled transaction, in the order of the request's actions.
    public var cancellationReasons: [CancellationReason]? { serviceError?.cancellationReasons }

    /// The reasons' codes, e.g. `["ConditionalCheckFailed", "None"]` (`None` for actions that did not fail).
    public var cancellationCodes: [String]? { cancellationReasons?.map { $0.code ?? "None" } }

    /// The indexes of the actions that made a transaction fail (every reason whose code is not `None`).
    public var failedActionIndexes: [Int] {
        (cancellationCodes ?? []).enumerated().compactMap { $0.element == "None" ? nil : $0.offset }
    }
}
