/// Wire constants of the Lambda Runtime API (version `2018-06-01`), shared by the handler library (the client) and
/// the emulator (the server), so both speak exactly the same paths and header names.
public enum RuntimeAPIWire {
    /// Request paths, relative to `http://$AWS_LAMBDA_RUNTIME_API`.
    public enum Path {
        /// What every Runtime API path starts with.
        public static let prefix = "/2018-06-01/runtime/"
        /// `GET`: the next invocation (a long poll).
        public static let next = prefix + "invocation/next"
        /// `POST`: an initialisation error.
        public static let initError = prefix + "init/error"

        /// `POST`: an invocation's response.
        public static func response(requestID: String) -> String { prefix + "invocation/\(requestID)/response" }

        /// `POST`: an invocation's error.
        public static func error(requestID: String) -> String { prefix + "invocation/\(requestID)/error" }
    }

    /// Header names, spelled as AWS sends them (HTTP compares them case-insensitively).
    public enum Header {
        public static let requestID = "Lambda-Runtime-Aws-Request-Id"
        public static let deadline = "Lambda-Runtime-Deadline-Ms"
        public static let invokedFunctionARN = "Lambda-Runtime-Invoked-Function-Arn"
        public static let traceID = "Lambda-Runtime-Trace-Id"
        public static let clientContext = "Lambda-Runtime-Client-Context"
        public static let cognitoIdentity = "Lambda-Runtime-Cognito-Identity"
        public static let functionErrorType = "Lambda-Runtime-Function-Error-Type"
    }
}
