import LambdaRuntime
import Logging
import Testing

struct RuntimeConfigurationTests {
    @Test("a missing AWS_LAMBDA_RUNTIME_API explains how to run the function")
    func missingRuntimeAPI() throws {
        let error = try #require(throws: LambdaRuntimeError.self) {
            try RuntimeConfiguration(environment: ["AWS_LAMBDA_FUNCTION_NAME": "Echo"])
        }
        #expect(error.code == .missingRuntimeAPI)
        #expect(
            error.message
                == "AWS_LAMBDA_RUNTIME_API is not set; run this function with 'lambda-local invoke <Function>' "
                + "or deploy it as 'bootstrap' on provided.al2023")
        #expect(throws: LambdaRuntimeError.self) {
            try RuntimeConfiguration(environment: ["AWS_LAMBDA_RUNTIME_API": ""])
        }
    }

    @Test("the standard variables fill the configuration")
    func readsEnvironment() throws {
        let configuration = try RuntimeConfiguration(environment: [
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001",
            "AWS_LAMBDA_FUNCTION_NAME": "Echo",
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/Echo",
            "AWS_LAMBDA_LOG_STREAM_NAME": "2026/11/25/[$LATEST]abc",
            "LOG_LEVEL": "debug",
        ])
        #expect(
            configuration
                == RuntimeConfiguration(
                    runtimeAPI: "127.0.0.1:9001", functionName: "Echo", functionVersion: "$LATEST",
                    memoryLimitInMB: 512,
                    logGroupName: "/aws/lambda/Echo", logStreamName: "2026/11/25/[$LATEST]abc", logLevel: .debug))
    }

    @Test("defaults when only the Runtime API is set")
    func defaults() throws {
        let configuration = try RuntimeConfiguration(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"])
        #expect(configuration == RuntimeConfiguration(runtimeAPI: "127.0.0.1:9001"))
        #expect(configuration.memoryLimitInMB == 128)
        #expect(configuration.logLevel == .info)
        #expect(configuration.exportsTraceID)
    }

    @Test(
        "log level names from AWS and swift-log",
        arguments: [
            (["AWS_LAMBDA_LOG_LEVEL": "WARN"], Logger.Level.warning),
            (["AWS_LAMBDA_LOG_LEVEL": "FATAL"], .critical),
            (["AWS_LAMBDA_LOG_LEVEL": "TRACE", "LOG_LEVEL": "error"], .trace),
            (["LOG_LEVEL": "error"], .error),
            (["LOG_LEVEL": "Notice"], .notice),
        ])
    func logLevels(variables: [String: String], level: Logger.Level) throws {
        let environment = variables.merging(["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"]) { old, _ in old }
        #expect(try RuntimeConfiguration(environment: environment).logLevel == level)
    }

    @Test(
        "unusable values are named in the error",
        arguments: [
            (
                ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "lots"],
                #"AWS_LAMBDA_FUNCTION_MEMORY_SIZE is "lots"; expected a positive whole number of megabytes"#
            ),
            (
                ["LOG_LEVEL": "verbose"],
                #"LOG_LEVEL is "verbose"; expected one of TRACE, DEBUG, INFO, NOTICE, WARN, WARNING, "#
                    + "ERROR, FATAL, CRITICAL"
            ),
            (
                ["AWS_LAMBDA_RUNTIME_API": "http://127.0.0.1:9001/"],
                #"AWS_LAMBDA_RUNTIME_API is "http://127.0.0.1:9001/"; expected host:port such as 127.0.0.1:9001"#
            ),
        ])
    func invalidValues(variables: [String: String], message: String) throws {
        let environment = variables.merging(["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"]) { new, _ in new }
        let error = try #require(throws: LambdaRuntimeError.self) { try RuntimeConfiguration(environment: environment) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message == message)
    }
}
