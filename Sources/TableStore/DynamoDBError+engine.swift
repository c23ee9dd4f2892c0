import DynamoDBTypes

extension DynamoDBError {
    /// A ValidationException with the given message.
    static func validation(_ message: String) -> DynamoDBError { DynamoDBError(.validation, message) }

    /// The ResourceNotFoundException DynamoDB returns for a missing table.
    static let tableNotFound = DynamoDBError(.resourceNotFound, "Requested resource not found")

    /// The error for a stream that does not exist.
    static func streamNotFound(_ arn: String) -> DynamoDBError {
        DynamoDBError(.resourceNotFound, "Requested resource not found: Stream: \(arn) not found")
    }

    /// The ConditionalCheckFailedException, with the old item when asked for.
    static func conditionFailed(item: Item?) -> DynamoDBError {
        DynamoDBError(.conditionalCheckFailed, "The conditional request failed", item: item)
    }
}
