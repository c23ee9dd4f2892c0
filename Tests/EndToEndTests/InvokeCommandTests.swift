import Foundation
import Testing

/// `lambda-local invoke` through the built CLI, with the Probe function misbehaving on demand.
@Suite(.timeLimit(.minutes(2)))
struct InvokeCommandTests {
    @Test("Echo returns the sample event on stdout, with START, END and a cold REPORT on stderr")
    func echo() throws {
        let result = try lambdaLocal(["invoke", "Echo", "--event", "events/echo.json"], template: Paths.rootTemplate)
        #expect(result.status == 0)
        #expect(result.stdout == "{\"hello\":\"world\"}\n")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let start = try #require(lines.first { $0.hasPrefix("START ") })
        let requestID = try #require(start.firstMatch(of: /^START RequestId: ([0-9a-f-]{36}) Version: \$LATEST$/)).1
        #expect(lines.contains("END RequestId: \(requestID)"))
        let report = try #require(lines.first { $0.hasPrefix("REPORT ") })
        #expect(
            report.wholeMatch(
                of: /REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: [1-9]\d* MB\tInit Duration: \d+\.\d\d ms\t/
            ) != nil)
    }

    @Test("a thrown error is printed as Lambda's error object and the command exits 1")
    func thrownError() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"error","message":"it broke"}"#)
        #expect(result.status == 1)
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "ProbeError")
        #expect(error["errorMessage"] as? String == "it broke")
    }

    @Test("a process that exits mid-invocation is Runtime.ExitError with its status")
    func exitMidInvocation() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"exit","status":3}"#)
        #expect(result.status == 1)
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "Runtime.ExitError")
        let message = try #require(error["errorMessage"] as? String)
        #expect(message.wholeMatch(of: /RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3/) != nil)
    }

    @Test("a process killed by a signal is Runtime.ExitError naming the signal")
    func killedBySignal() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"signal","signal":9}"#)
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "Runtime.ExitError")
        #expect((error["errorMessage"] as? String)?.hasSuffix("Error: Runtime exited with error: signal: killed") == true)
    }

    @Test("past Timeout the process is killed and the result is Sandbox.Timedout")
    func timeout() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"sleep","seconds":5}"#)
        #expect(result.status == 1)
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "Sandbox.Timedout")
        let message = try #require(error["errorMessage"] as? String)
        #expect(message.wholeMatch(of: /RequestId: [0-9a-f-]{36} Error: Task timed out after 2\.\d\d seconds/) != nil)
        #expect(result.stderr.contains(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [0-9a-f-]{36} Task timed out after 2\.\d\d seconds\n/))
        #expect(result.stderr.contains(/REPORT RequestId: [0-9a-f-]{36}\tDuration: 2\d{3}\.\d\d ms/))
    }

    @Test("a response over 6 MB becomes Function.ResponseSizeTooLarge")
    func oversizedResponse() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"big","bytes":7000000}"#)
        #expect(result.status == 1)
        #expect(
            result.stdout
                == #"{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}"#
                + "\n")
    }

    @Test("a response just under the limit is delivered whole")
    func largeResponse() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"big","bytes":6000000}"#)
        #expect(result.status == 0)
        #expect(result.stdout.utf8.count == 6_000_000 + 2 + 1)
    }

    @Test("a malformed event file is rejected before anything runs, naming the file and position")
    func malformedEvent() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.json", "{\n  \"a\": 1,\n  oops\n}")
        let result = try lambdaLocal(["invoke", "Probe", "--event", file])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Error: \(file): not valid JSON"))
        #expect(result.stderr.contains("line 3"))
        #expect(!result.stderr.contains("START"))
    }

    @Test("an unknown function names the template and lists its functions")
    func unknownFunction() throws {
        let result = try lambdaLocal(["invoke", "Nope"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "\(Paths.fixtureTemplate): no function \"Nope\" in Resources; expected one of: Probe, ProbeReserved, ProbeInitFail, ProbeInitExit, ShellFunction"))
    }

    @Test("the process gets Lambda's custom-runtime environment, the template's variables and --env-vars overrides")
    func environment() throws {
        let directory = try TemporaryDirectory()
        let overrides = try directory.write("env.json", #"{"Parameters": {"STAGE": "override"}, "Probe": {"EXTRA": "1"}}"#)
        let result = try lambdaLocal(["invoke", "Probe", "--env-vars", overrides, "--event", "-"], input: #"{"action":"env"}"#)
        #expect(result.status == 0)
        let output = try jsonObject(result.stdout)
        let variables = try #require(output["environment"] as? [String: String])
        #expect(variables["AWS_LAMBDA_FUNCTION_NAME"] == "probe-function")
        #expect(variables["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST")
        #expect(variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256")
        #expect(variables["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/probe-function")
        #expect(variables["AWS_LAMBDA_LOG_STREAM_NAME"]?.wholeMatch(of: /\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}/) != nil)
        #expect(variables["AWS_LAMBDA_RUNTIME_API"]?.wholeMatch(of: /127\.0\.0\.1:\d+/) != nil)
        #expect(variables["_HANDLER"] == "Probe")
        #expect(variables["LAMBDA_TASK_ROOT"] == "\(Paths.packageRoot)/Tests/Functions/Probe")
        #expect(output["cwd"] as? String == "\(Paths.packageRoot)/Tests/Functions/Probe")
        #expect(variables["AWS_REGION"] == "us-east-1")
        #expect(variables["AWS_DEFAULT_REGION"] == "us-east-1")
        #expect(variables["TZ"] == ":UTC")
        #expect(variables["AWS_LAMBDA_INITIALIZATION_TYPE"] == "on-demand")
        #expect(variables["AWS_EXECUTION_ENV"] == nil)
        #expect(variables["GREETING"] == "hello")
        #expect(variables["STAGE"] == "override")
        #expect(variables["EXTRA"] == "1")
    }

    @Test("the context carries the request ID, ARN, trace ID (also in _X_AMZN_TRACE_ID) and the deadline")
    func context() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"context"}"#)
        let context = try jsonObject(result.stdout)
        let requestID = try #require(context["requestID"] as? String)
        #expect(result.stderr.contains("START RequestId: \(requestID) Version: $LATEST"))
        #expect(context["invokedFunctionARN"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:probe-function")
        let trace = try #require(context["traceID"] as? String)
        #expect(trace.wholeMatch(of: /Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
        #expect(context["traceEnv"] as? String == trace)
        let remaining = try #require(context["remainingMillis"] as? Int)
        #expect(remaining > 1000 && remaining <= 2000)
    }

    @Test("an init failure reported to /init/error is the invocation's error")
    func initError() throws {
        let result = try lambdaLocal(["invoke", "ProbeInitFail"])
        #expect(result.status == 1)
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "ProbeError")
        #expect(error["errorMessage"] as? String == "PROBE_INIT=fail")
    }

    @Test("a process that exits during init is Runtime.ExitError with its status")
    func initExit() throws {
        let result = try lambdaLocal(["invoke", "ProbeInitExit"])
        let error = try jsonObject(result.stdout)
        #expect(error["errorType"] as? String == "Runtime.ExitError")
        #expect((error["errorMessage"] as? String)?.hasSuffix("Error: Runtime exited with error: exit status 2") == true)
    }

    @Test("function logs from stdout and stderr appear between START and END")
    func logs() throws {
        let result = try lambdaLocal(["invoke", "Probe", "--event", "-"], input: #"{"action":"log","lines":2}"#)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("START ") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("END ") })
        let inside = Set(lines[start..<end])
        for expected in ["stdout line 1", "stdout line 2", "stderr line 1", "stderr line 2"] {
            #expect(inside.contains(expected))
        }
    }

    @Test("a CodeUri with an executable bootstrap runs as it is, in any language")
    func bootstrapInCodeUri() throws {
        let result = try lambdaLocal(["invoke", "ShellFunction", "--event", "-"], input: #"{"n":1}"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"{"shell":true,"event":{"n":1}}"# + "\n")
        #expect(result.stderr.contains("shell runtime ready (handler handler.sh)\n"))
        #expect(result.stderr.contains(#"got {"n":1}"#))
    }
}
