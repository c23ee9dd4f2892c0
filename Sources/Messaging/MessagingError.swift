import DynamoDBClient

/// Why a Cruddur messaging operation failed: a code, a message naming the bad value, and the DynamoDB error if any.
public struct MessagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Wraps a code name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No user in the users store has the handle, uuid or Cognito sub asked for.
        public static let unknownUser = Code(rawValue: "unknownUser")
        /// The users fixture could not be read or decoded.
        public static let invalidUsers = Code(rawValue: "invalidUsers")
        /// A request argument is unusable (an empty group uuid, a message to oneself, …).
        public static let invalidArgument = Code(rawValue: "invalidArgument")
        /// The template does not declare the table as expected.
        public static let invalidTemplate = Code(rawValue: "invalidTemplate")
        /// A table of the declared name exists with other keys, indexes or stream.
        public static let tableMismatch = Code(rawValue: "tableMismatch")
        /// An item read from the table lacks an attribute the model requires.
        public static let malformedItem = Code(rawValue: "malformedItem")
        /// DynamoDB refused the request or could not be reached.
        public static let dynamoDB = Code(rawValue: "dynamoDB")
        /// The users database (PostgreSQL) refused the request, lacks the users table, or could not be reached.
        public static let database = Code(rawValue: "database")
        /// The Cognito user pool refused the request or could not be reached.
        public static let userPool = Code(rawValue: "userPool")
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the value in quotes.
    public var message: String
    /// The DynamoDB error behind a `.dynamoDB` failure.
    public var underlying: DynamoDBClientError?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: DynamoDBClientError? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// Wraps a DynamoDB failure of `operation` (e.g. `Query MSG#5ae2…`).
    static func dynamoDB(_ operation: String, _ error: DynamoDBClientError) -> MessagingError {
        MessagingError(.dynamoDB, "\(operation) failed: \(error)", underlying: error)
    }

    public var description: String { message }
}
