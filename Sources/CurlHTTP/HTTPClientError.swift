/// Why an HTTP request got no response: libcurl could not start, or the transfer failed.
public struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case initialization, invalidRequest, transfer
        }

        private let base: Base

        /// libcurl (or its worker thread) could not be set up.
        public static let initialization = Code(base: .initialization)
        /// The request cannot be sent as given (e.g. a header line with a line break).
        public static let invalidRequest = Code(base: .invalidRequest)
        /// The transfer failed: connection refused, reset, timed out, TLS failure, …
        public static let transfer = Code(base: .transfer)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A one-line explanation naming the method and URL, e.g. `GET http://127.0.0.1:9/ failed: Connection refused`.
    public var message: String
    /// libcurl's `CURLcode` for transfer failures, 0 otherwise.
    public var curlCode: Int

    /// Creates an error.
    public init(code: Code, message: String, curlCode: Int = 0) {
        self.code = code
        self.message = message
        self.curlCode = curlCode
    }

    public var description: String { message }
}
