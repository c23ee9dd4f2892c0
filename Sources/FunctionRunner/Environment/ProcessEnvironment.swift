import Foundation

/// The environment variables Lambda gives a custom-runtime (`provided.*`) process, plus the function's own.
enum ProcessEnvironment {
    /// Variables of the host passed through, so a local binary finds its tools, home and credentials.
    static let passedThrough = [
        "PATH", "HOME", "LD_LIBRARY_PATH", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    ]

    /// The full environment for one execution environment of `function`, whose Runtime API listens on `port`.
    ///
    /// AWS leaves `AWS_EXECUTION_ENV` unset on `provided.*`, and `_X_AMZN_TRACE_ID` is the runtime's to set per
    /// invocation; neither is set here. The template's variables win over Lambda's defaults except the reserved
    /// runtime ones, as on AWS.
    static func variables(
        for function: FunctionConfiguration, runtimeAPIPort: Int, host: [String: String] = ProcessInfo.processInfo.environment,
        now: Date = Date()
    ) -> [String: String] {
        var variables: [String: String] = [:]
        for name in passedThrough { variables[name] = host[name] }
        variables["LANG"] = "en_US.UTF-8"
        variables["AWS_ACCESS_KEY_ID"] = variables["AWS_ACCESS_KEY_ID"] ?? "lambda-local"
        variables["AWS_SECRET_ACCESS_KEY"] = variables["AWS_SECRET_ACCESS_KEY"] ?? "lambda-local"
        variables.merge(function.environment) { _, template in template }
        let reserved: [String: String] = [
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(runtimeAPIPort)",
            "_HANDLER": function.handler,
            "LAMBDA_TASK_ROOT": function.taskRoot,
            "LAMBDA_RUNTIME_DIR": function.taskRoot,
            "AWS_LAMBDA_FUNCTION_NAME": function.name,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(function.memorySize),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(function.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": logStreamName(now: now),
            "AWS_REGION": function.region,
            "AWS_DEFAULT_REGION": function.region,
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        ]
        variables.merge(reserved) { _, lambda in lambda }
        // Lambda sets TZ to UTC but, unlike the variables above, lets a function's configuration override it.
        if function.environment["TZ"] == nil { variables["TZ"] = ":UTC" }
        return variables
    }

    /// `YYYY/MM/DD/[$LATEST]<32 hex>`, as AWS names an environment's log stream.
    static func logStreamName(now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 1970)/\(two(parts.month))/\(two(parts.day))/[$LATEST]\(TraceID.randomHex(32))"
    }
}
