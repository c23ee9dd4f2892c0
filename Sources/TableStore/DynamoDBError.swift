import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An error DynamoDB would return: its code (the part after `#` in `__type`), message and extras.
///
/// The HTTP edge maps ``code`` to the `__type` namespace and status with ``Code/namespace`` and
/// ``Code/httpStatus``; nothing else in the engine knows about HTTP.
public struct DynamoDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DynamoDB's error code, e.g. `ValidationException`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Wraps a code as DynamoDB spells it.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let validation = Code(rawValue: "ValidationException")
        public static let resourceNotFound = Code(rawValue: "ResourceNotFoundException")
        public static let resourceInUse = Code(rawValue: "ResourceInUseException")
        public static let conditionalCheckFailed = Code(rawValue: "ConditionalCheckFailedException")
        public static let transactionCanceled = Code(rawValue: "TransactionCanceledException")
        public static let transactionConflict = Code(rawValue: "TransactionConflictException")
        public static let idempotentParameterMismatch = Code(rawValue: "IdempotentParameterMismatchException")
        public static let limitExceeded = Code(rawValue: "LimitExceededException")
        public static let expiredIterator = Code(rawValue: "ExpiredIteratorException")
        public static let trimmedDataAccess = Code(rawValue: "TrimmedDataAccessException")
        public static let internalServerError = Code(rawValue: "InternalServerError")
        /// The body is not valid JSON for the operation (raised by the HTTP edge).
        public static let serialization = Code(rawValue: "SerializationException")
        /// The `X-Amz-Target` names no operation (raised by the HTTP edge).
        public static let unknownOperation = Code(rawValue: "UnknownOperationException")

        /// The `__type` namespace DynamoDB uses for this code.
        public var namespace: String {
            switch self {
            case .validation: "com.amazon.coral.validate"
            case .serialization, .unknownOperation: "com.amazon.coral.service"
            default: "com.amazonaws.dynamodb.v20120810"
            }
        }

        /// The full `__type` value, e.g. `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`.
        public var wireType: String { "\(namespace)#\(rawValue)" }

        /// The HTTP status DynamoDB answers with for this code.
        public var httpStatus: Int { self == .internalServerError ? 500 : 400 }
    }

    /// The error code.
    public var code: Code
    /// The message, as DynamoDB words it.
    public var message: String
    /// The existing item, for ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure ALL_OLD.
    public var item: Item?
    /// One entry per action, for TransactionCanceledException.
    public var cancellationReasons: [CancellationReason]?

    /// Creates an error from its code and message.
    public init(_ code: Code, _ message: String, item: Item? = nil, cancellationReasons: [CancellationReason]? = nil) {
        self.code = code
        self.message = message
        self.item = item
        self.cancellationReasons = cancellationReasons
    }

    public var description: String { "\(code.rawValue): \(message)" }

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
