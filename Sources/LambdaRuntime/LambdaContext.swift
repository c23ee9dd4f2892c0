import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a handler knows about the invocation it is serving and the function it runs in.
public struct LambdaContext: Sendable {
    /// The invocation's ID (`Lambda-Runtime-Aws-Request-Id`).
    public var requestID: String
    /// When the invocation times out (`Lambda-Runtime-Deadline-Ms`, milliseconds since the epoch).
    public var deadline: Date
    /// The function, version or alias ARN that was invoked (`Lambda-Runtime-Invoked-Function-Arn`).
    public var invokedFunctionARN: String
    /// The X-Ray trace header (`Lambda-Runtime-Trace-Id`), also exported as `_X_AMZN_TRACE_ID`.
    public var traceID: String?
    /// The client context JSON sent by a mobile SDK or `X-Amz-Client-Context` (`Lambda-Runtime-Client-Context`).
    public var clientContext: String?
    /// The Cognito identity JSON of a mobile-SDK invoke (`Lambda-Runtime-Cognito-Identity`).
    public var cognitoIdentity: String?
    /// `AWS_LAMBDA_FUNCTION_NAME`.
    public var functionName: String
    /// `AWS_LAMBDA_FUNCTION_VERSION`.
    public var functionVersion: String
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`.
    public var memoryLimitInMB: Int
    /// `AWS_LAMBDA_LOG_GROUP_NAME`.
    public var logGroupName: String
    /// `AWS_LAMBDA_LOG_STREAM_NAME`.
    public var logStreamName: String
    /// A logger writing to stderr, with the request ID as `requestID` metadata.
    public var logger: Logger

    /// Creates a context from explicit values (the runtime builds one per invocation; tests may build their own).
    public init(
        requestID: String,
        deadline: Date,
        invokedFunctionARN: String = "",
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        functionName: String = "",
        functionVersion: String = "",
        memoryLimitInMB: Int = 128,
        logGroupName: String = "",
        logStreamName: String = "",
        logger: Logger
    ) {
        self.requestID = requestID
        self.deadline = deadline
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.memoryLimitInMB = memoryLimitInMB
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.logger = logger
    }

    /// The time left until `deadline`; negative once it has passed.
    public var remainingTime: Duration {
        .milliseconds(Int64((deadline.timeIntervalSinceNow * 1000).rounded(.down)))
    }
}

/// What a handler factory knows while the function initializes, before any invocation.
public struct LambdaInitializationContext: Sendable {
    /// The configuration read from the environment.
    public var configuration: RuntimeConfiguration
    /// A logger writing to stderr.
    public var logger: Logger

    /// Creates an initialization context.
    public init(configuration: RuntimeConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }
}
