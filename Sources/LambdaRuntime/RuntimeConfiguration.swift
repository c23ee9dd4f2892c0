import Logging

/// What the runtime reads from the environment: where the Runtime API is, the function's identity and the log level.
public struct RuntimeConfiguration: Sendable, Equatable {
    /// `host:port` of the Runtime API (`AWS_LAMBDA_RUNTIME_API`).
    public var runtimeAPI: String
    /// `AWS_LAMBDA_FUNCTION_NAME`, empty when unset.
    public var functionName: String
    /// `AWS_LAMBDA_FUNCTION_VERSION`, empty when unset.
    public var functionVersion: String
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, 128 (AWS's default) when unset.
    public var memoryLimitInMB: Int
    /// `AWS_LAMBDA_LOG_GROUP_NAME`, empty when unset.
    public var logGroupName: String
    /// `AWS_LAMBDA_LOG_STREAM_NAME`, empty when unset.
    public var logStreamName: String
    /// From `AWS_LAMBDA_LOG_LEVEL`, else `LOG_LEVEL`, else `.info`.
    public var logLevel: Logger.Level
    /// Whether each invocation's trace ID is exported as `_X_AMZN_TRACE_ID` (as a custom runtime should).
    public var exportsTraceID: Bool

    /// Creates a configuration from explicit values.
    public init(
        runtimeAPI: String,
        functionName: String = "",
        functionVersion: String = "",
        memoryLimitInMB: Int = 128,
        logGroupName: String = "",
        logStreamName: String = "",
        logLevel: Logger.Level = .info,
        exportsTraceID: Bool = true
    ) {
        self.runtimeAPI = runtimeAPI
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.memoryLimitInMB = memoryLimitInMB
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.logLevel = logLevel
        self.exportsTraceID = exportsTraceID
    }

    /// Reads the configuration from environment variables.
    /// - Throws: `LambdaRuntimeError` with code `.missingRuntimeAPI` when `AWS_LAMBDA_RUNTIME_API` is unset or
    ///   empty, `.invalidConfiguration` when a variable holds an unusable value.
    public init(environment: [String: String]) throws(LambdaRuntimeError) {
        typealias Variable = RuntimeAPI.Environment
        guard let runtimeAPI = environment[Variable.runtimeAPI], !runtimeAPI.isEmpty else {
            throw LambdaRuntimeError(
                code: .missingRuntimeAPI,
                message: "\(Variable.runtimeAPI) is not set; run this function with 'lambda-local invoke <Function>' "
                    + "or deploy it as 'bootstrap' on provided.al2023"
            )
        }
        if runtimeAPI.contains("/") {
            throw LambdaRuntimeError(
                code: .invalidConfiguration,
                message: "\(Variable.runtimeAPI) is \"\(runtimeAPI)\"; expected host:port such as 127.0.0.1:9001"
            )
        }
        var memory = 128
        if let value = environment[Variable.memorySize] {
            guard let megabytes = Int(value), megabytes > 0 else {
                throw LambdaRuntimeError(
                    code: .invalidConfiguration,
                    message: "\(Variable.memorySize) is \"\(value)\"; expected a positive whole number of megabytes"
                )
            }
            memory = megabytes
        }
        var level = Logger.Level.info
        if let name = environment[Variable.awsLogLevel] ?? environment[Variable.logLevel] {
            guard let parsed = Self.logLevel(named: name) else {
                let variable = environment[Variable.awsLogLevel] != nil ? Variable.awsLogLevel : Variable.logLevel
                throw LambdaRuntimeError(
                    code: .invalidConfiguration,
                    message: "\(variable) is \"\(name)\"; expected one of TRACE, DEBUG, INFO, NOTICE, WARN, "
                        + "WARNING, ERROR, FATAL, CRITICAL"
                )
            }
            level = parsed
        }
        self.init(
            runtimeAPI: runtimeAPI,
            functionName: environment[Variable.functionName] ?? "",
            functionVersion: environment[Variable.functionVersion] ?? "",
            memoryLimitInMB: memory,
            logGroupName: environment[Variable.logGroupName] ?? "",
            logStreamName: environment[Variable.logStreamName] ?? "",
            logLevel: level
        )
    }

    /// Maps AWS's log level names (`TRACE` … `FATAL`) and swift-log's (`trace` … `critical`) to a level.
    static func logLevel(named name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "warn": .warning
        case "fatal": .critical
        default: Logger.Level(rawValue: name.lowercased())
        }
    }
}
