/// Why the runtime cannot go on: bad configuration, an unusable Runtime API, or a failed initialization.
public struct LambdaRuntimeError: Error, CustomStringConvertible {
    /// The kind of failure; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missingRuntimeAPI, invalidConfiguration, transport, unexpectedStatus, invalidInvocation,
                initializationFailed
        }

        private let base: Base

        /// `AWS_LAMBDA_RUNTIME_API` is not set, so there is no Runtime API to talk to.
        public static let missingRuntimeAPI = Code(base: .missingRuntimeAPI)
        /// An environment variable has a value the runtime cannot use.
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// libcurl could not complete a request to the Runtime API.
        public static let transport = Code(base: .transport)
        /// The Runtime API answered `/next` with a status other than 200.
        public static let unexpectedStatus = Code(base: .unexpectedStatus)
        /// A `/next` answer lacks a required header or has an invalid one.
        public static let invalidInvocation = Code(base: .invalidInvocation)
        /// The handler factory threw; the error was reported to `/runtime/init/error`.
        public static let initializationFailed = Code(base: .initializationFailed)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A one-line explanation naming the bad value.
    public let message: String
    /// The error that caused this one, if any.
    public let underlying: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
