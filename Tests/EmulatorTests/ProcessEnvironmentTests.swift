import Foundation
import Testing

@testable import Emulator
@testable import FunctionRunner

struct ProcessEnvironmentTests {
    let function = FunctionConfiguration(
        name: "echo-fn", executable: "/x/Echo", taskRoot: "/code", handler: "Echo", timeoutSeconds: 3, memorySize: 512,
        environment: ["TABLE": "t", "AWS_REGION": "eu-west-1", "_HANDLER": "evil"], region: "ca-central-1")

    @Test("the invoked function ARN carries the qualifier when the caller used one")
    func invokedARN() {
        #expect(function.invokedARN(qualifier: nil) == function.arn)
        #expect(function.arn.hasSuffix(":function:echo-fn"))
        #expect(function.invokedARN(qualifier: "$LATEST") == function.arn + ":$LATEST")
    }

    @Test("a template's TZ is kept (AWS lets functions set it); without one TZ is UTC")
    func timeZoneFromTemplate() {
        var configured = function
        configured.environment["TZ"] = "America/Toronto"
        let variables = ProcessEnvironment.variables(for: configured, runtimeAPIPort: 1, host: [:])
        #expect(variables["TZ"] == "America/Toronto")
        #expect(ProcessEnvironment.variables(for: function, runtimeAPIPort: 1, host: [:])["TZ"] == ":UTC")
    }

    @Test("Lambda's custom-runtime variables, the template's own, and nothing AWS leaves unset")
    func variables() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let variables = ProcessEnvironment.variables(
            for: function, runtimeAPIPort: 4321, host: ["PATH": "/usr/bin", "SECRET": "no"], now: date)
        #expect(variables["AWS_LAMBDA_RUNTIME_API"] == "127.0.0.1:4321")
        #expect(variables["_HANDLER"] == "Echo")
        #expect(variables["LAMBDA_TASK_ROOT"] == "/code")
        #expect(variables["AWS_LAMBDA_FUNCTION_NAME"] == "echo-fn")
        #expect(variables["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
        #expect(variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "512")
        #expect(variables["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/echo-fn")
        #expect(variables["AWS_LAMBDA_LOG_STREAM_NAME"]?.hasPrefix("2023/11/14/[$LATEST]") == true)
        #expect(variables["AWS_REGION"] == "ca-central-1")
        #expect(variables["AWS_DEFAULT_REGION"] == "ca-central-1")
        #expect(variables["TZ"] == ":UTC")
        #expect(variables["AWS_LAMBDA_INITIALIZATION_TYPE"] == "on-demand")
        #expect(variables["TABLE"] == "t")
        #expect(variables["PATH"] == "/usr/bin")
        #expect(variables["SECRET"] == nil)
        #expect(variables["AWS_EXECUTION_ENV"] == nil)
        #expect(variables["_X_AMZN_TRACE_ID"] == nil)
    }

    @Test("a log stream name is a date and 32 hex digits")
    func logStream() {
        let name = ProcessEnvironment.logStreamName(now: Date(timeIntervalSince1970: 0))
        #expect(name.wholeMatch(of: /1970\/01\/01\/\[\$LATEST\][0-9a-f]{32}/) != nil)
    }

    @Test("trace IDs have X-Ray's shape")
    func traceID() {
        #expect(
            TraceID.generate(now: Date(timeIntervalSince1970: 1_542_409_706)).wholeMatch(
                of: /Root=1-5bef4dea-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
    }
}

struct ProcFileTests {
    @Test("VmHWM is read from a status text, at a line start, in kB")
    func peak() {
        let status = Array("Name:\tEcho\nVmPeak:\t  1000 kB\nVmHWM:\t    23456 kB\nVmRSS:\t 100 kB\n".utf8)
        #expect(ProcFile.kilobytes(of: "VmHWM:", in: status) == 23456)
        #expect(ProcFile.kilobytes(of: "VmSwap:", in: status) == nil)
    }

    @Test("this process's own status file has a peak")
    func ownStatus() throws {
        let status = try #require(ProcFile.read("/proc/self/status"))
        #expect((ProcFile.kilobytes(of: "VmHWM:", in: status) ?? 0) > 0)
    }
}

struct RandomTextTests {
    @Test("IDs have the requested length and alphabet")
    func shape() {
        #expect(RandomText.make(52, from: RandomText.uppercaseAlphanumeric).wholeMatch(of: /[A-Z0-9]{52}/) != nil)
        #expect(RandomText.make(32, from: RandomText.lowercaseHex).wholeMatch(of: /[0-9a-f]{32}/) != nil)
        #expect(RandomText.make(32, from: RandomText.lowercaseHex) != RandomText.make(32, from: RandomText.lowercaseHex))
    }

    @Test("a 64-bit draw covers 15 hex digits and 12 base-36 characters")
    func perDraw() {
        #expect(RandomText.charactersPerDraw(base: 16) == 15)
        #expect(RandomText.charactersPerDraw(base: 36) == 12)
    }
}
