import RuntimeAPIWire

/// Wire constants of the Lambda Runtime API (version `2018-06-01`), as the client uses them.
enum RuntimeAPI {
    /// Request paths, relative to `http://$AWS_LAMBDA_RUNTIME_API`.
    typealias Path = RuntimeAPIWire.Path

    /// Header names: the ones read from `/next` lowercased, as the client stores received headers.
    enum Header {
        static let requestID = RuntimeAPIWire.Header.requestID.lowercased()
        static let deadline = RuntimeAPIWire.Header.deadline.lowercased()
        static let invokedFunctionARN = RuntimeAPIWire.Header.invokedFunctionARN.lowercased()
        static let traceID = RuntimeAPIWire.Header.traceID.lowercased()
        static let clientContext = RuntimeAPIWire.Header.clientContext.lowercased()
        static let cognitoIdentity = RuntimeAPIWire.Header.cognitoIdentity.lowercased()
        static let functionErrorType = RuntimeAPIWire.Header.functionErrorType
    }

    /// Values of `errorType` and of the `Lambda-Runtime-Function-Error-Type` header.
    enum ErrorType {
        /// The header value for errors thrown by a handler, as the stock Swift runtime sends.
        static let unhandled = "Unhandled"
        static let unmarshal = "Runtime.UnmarshalError"
        static let marshal = "Runtime.MarshalError"
    }

    /// Environment variables the runtime reads or sets.
    enum Environment {
        static let runtimeAPI = "AWS_LAMBDA_RUNTIME_API"
        static let functionName = "AWS_LAMBDA_FUNCTION_NAME"
        static let functionVersion = "AWS_LAMBDA_FUNCTION_VERSION"
        static let memorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE"
        static let logGroupName = "AWS_LAMBDA_LOG_GROUP_NAME"
        static let logStreamName = "AWS_LAMBDA_LOG_STREAM_NAME"
        static let awsLogLevel = "AWS_LAMBDA_LOG_LEVEL"
        static let logLevel = "LOG_LEVEL"
        static let traceID = "_X_AMZN_TRACE_ID"
    }
}
