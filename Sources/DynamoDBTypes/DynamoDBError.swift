#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An error DynamoDB returns: its code (the part after `#` in `__type`), message and extras.
///
/// One type for every side of the wire: the engine (TableStore) raises it, the emulator's HTTP edge renders it
/// with ``Code/wireType`` and ``Code/httpStatus``, and the client (DynamoDBClient) decodes it from a response.
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
        public static let provisionedThroughputExceeded = Code(rawValue: "ProvisionedThroughputExceededException")
        public static let requestLimitExceeded = Code(rawValue: "RequestLimitExceeded")
        public static let throttling = Code(rawValue: "ThrottlingException")
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
}
