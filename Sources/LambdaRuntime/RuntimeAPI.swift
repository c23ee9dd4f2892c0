/// Wire constants of the Lambda Runtime API (version `2018-06-01`).
enum RuntimeAPI {
    /// Request paths, relative to `http://$AWS_LAMBDA_RUNTIME_API`.
    enum Path {
        static let next = "/2018-06-01/runtime/invocation/next"
        static let initError = "/2018-06-01/runtime/init/error"

        static func response(requestID: String) -> String {
            "/2018-06-01/runtime/invocation/\(requestID)/response"
        }

        static func error(requestID: String) -> String {
            "/2018-06-01/runtime/invocation/\(requestID)/error"
        }
    }

    /// Header names, lowercased as the client stores them.
    enum Header {
        static let requestID = "lambda-runtime-aws-request-id"
        static let deadline = "lambda-runtime-deadline-ms"
        static let invokedFunctionARN = "lambda-runtime-invoked-function-arn"
        static let traceID = "lambda-runtime-trace-id"
        static let clientContext = "lambda-runtime-client-context"
        static let cognitoIdentity = "lambda-runtime-cognito-identity"
        static let functionErrorType = "Lambda-Runtime-Function-Error-Type"
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
