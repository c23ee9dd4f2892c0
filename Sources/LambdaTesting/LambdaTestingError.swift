/// Why the test harness could not set up or run an invocation; the message names the file, function or value.
public struct LambdaTestingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Wraps a code name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No `template.json` was found, or it did not load.
        public static let template = Code(rawValue: "template")
        /// A declared table could not be created in the in-memory engine.
        public static let table = Code(rawValue: "table")
        /// An event file could not be read.
        public static let eventFile = Code(rawValue: "eventFile")
        /// The event did not decode as the handler's event type (as Lambda's `Runtime.UnmarshalError`).
        public static let unmarshal = Code(rawValue: "unmarshal")
        /// The output did not encode, or did not decode as the expected response type.
        public static let marshal = Code(rawValue: "marshal")
        /// The template declares no such function.
        public static let unknownFunction = Code(rawValue: "unknownFunction")
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
