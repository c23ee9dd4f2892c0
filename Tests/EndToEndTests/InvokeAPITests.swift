import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `lambda-local start` serving the Lambda Invoke API, driven by the real AWS CLI and by raw HTTP.
@Suite(.timeLimit(.minutes(3)))
struct InvokeAPITests {
    @Test("aws lambda invoke gets the function's response with StatusCode 200 and ExecutedVersion")
    func invokeThroughAWSCLI() throws {
        let emulator = try RunningEmulator(template: Paths.rootTemplate)
        let (result, payload) = try emulator.awsInvoke("Echo", payload: #"{"x":1}"#)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try jsonObject(result.stdout)
        #expect(output["StatusCode"] as? Int == 200)
        #expect(output["ExecutedVersion"] as? String == "$LATEST")
        #expect(output["FunctionError"] == nil)
        #expect(payload == #"{"x":1}"#)
    }

    @Test("a function error is 200 with FunctionError Unhandled and the error object as payload")
    func functionError() throws {
        let emulator = try RunningEmulator()
        let (result, payload) = try emulator.awsInvoke("Probe", payload: #"{"action":"error","message":"nope"}"#)
        let output = try jsonObject(result.stdout)
        #expect(output["StatusCode"] as? Int == 200)
        #expect(output["FunctionError"] as? String == "Unhandled")
        let error = try jsonObject(payload)
        #expect(error["errorType"] as? String == "ProbeError")
        #expect(error["errorMessage"] as? String == "nope")
    }

    @Test("LogType Tail returns the invocation's log, START to REPORT, base64-encoded")
    func logTail() throws {
        let emulator = try RunningEmulator()
        let (result, _) = try emulator.awsInvoke("Probe", payload: #"{"action":"log","lines":1}"#, extra: ["--log-type", "Tail"])
        let output = try jsonObject(result.stdout)
        let encoded = try #require(output["LogResult"] as? String)
        let log = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(log.hasPrefix("START RequestId: "))
        #expect(log.contains("stdout line 1\n"))
        #expect(log.contains("stderr line 1\n"))
        #expect(log.contains(#/\nEND RequestId: [0-9a-f-]{36}\nREPORT RequestId: [0-9a-f-]{36}\tDuration: /#))
    }

    @Test("an unknown function is ResourceNotFoundException naming its ARN")
    func unknownFunction() throws {
        let emulator = try RunningEmulator()
        let (result, _) = try emulator.awsInvoke("Nope", payload: "{}")
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope"
            ))
    }

    @Test("functions are found by FunctionName, logical ID and ARN")
    func names() throws {
        let emulator = try RunningEmulator()
        for name in ["probe-function", "Probe", "arn:aws:lambda:us-east-1:123456789012:function:probe-function"] {
            let (_, payload) = try emulator.awsInvoke(name, payload: #"{"action":"echo","n":1}"#)
            #expect(payload == #"{"action":"echo","n":1}"#, "\(name)")
        }
    }

    @Test("Event answers 202 and DryRun 204")
    func invocationTypes() throws {
        let emulator = try RunningEmulator()
        let (event, _) = try emulator.awsInvoke("Probe", payload: "{}", extra: ["--invocation-type", "Event"])
        #expect(try jsonObject(event.stdout)["StatusCode"] as? Int == 202)
        let (dryRun, _) = try emulator.awsInvoke("Probe", payload: "{}", extra: ["--invocation-type", "DryRun"])
        #expect(try jsonObject(dryRun.stdout)["StatusCode"] as? Int == 204)
    }

    @Test("a payload that is not JSON is InvalidRequestContentException")
    func invalidJSON() throws {
        let emulator = try RunningEmulator()
        let (result, _) = try emulator.awsInvoke("Probe", payload: "not json")
        #expect(result.stderr.contains("An error occurred (InvalidRequestContentException) when calling the Invoke operation: Could not parse request body into json"))
    }

    @Test("a request over 6 MB is RequestEntityTooLargeException with status 413")
    func oversizedRequest() async throws {
        let emulator = try RunningEmulator()
        let body = Data(("\"" + String(repeating: "a", count: 6_291_457) + "\"").utf8)
        let (data, response) = try await post(emulator, function: "Probe", body: body)
        #expect(response.statusCode == 413)
        #expect(response.value(forHTTPHeaderField: "x-amzn-ErrorType") == "RequestEntityTooLargeException")
        let error = try jsonObject(String(decoding: data, as: UTF8.self))
        #expect(error["message"] as? String == "Request must be smaller than 6291456 bytes for the InvokeFunction operation")
    }

    @Test("a warm environment is reused, and a timeout replaces it with a fresh process")
    func warmReuseAndTimeoutReset() async throws {
        let emulator = try RunningEmulator()
        func count() async throws -> Int? {
            let (data, _) = try await post(emulator, function: "Probe", body: Data(#"{"action":"counter"}"#.utf8))
            return try jsonObject(String(decoding: data, as: UTF8.self))["count"] as? Int
        }
        #expect(try await count() == 1)
        #expect(try await count() == 2)
        let (data, response) = try await post(emulator, function: "Probe", body: Data(#"{"action":"sleep","seconds":5}"#.utf8))
        #expect(response.value(forHTTPHeaderField: "X-Amz-Function-Error") == "Unhandled")
        #expect(try jsonObject(String(decoding: data, as: UTF8.self))["errorType"] as? String == "Sandbox.Timedout")
        #expect(try await count() == 1)
    }

    // The two tests below time their requests in a shell, outside this process: the test runner's own threads may be
    // busy with other suites, which must not count against the emulator.

    @Test("concurrent invocations run in separate environments at the same time")
    func concurrency() throws {
        let emulator = try RunningEmulator()
        let url = "\(emulator.endpoint)/2015-03-31/functions/Probe/invocations"
        let script = """
            start=$(date +%s%N)
            curl -s -d '{"action":"sleep","seconds":1.5}' \(url) & curl -s -d '{"action":"sleep","seconds":1.5}' \(url) & wait
            echo; echo $(( ($(date +%s%N) - start) / 1000000 ))
            """
        let result = try run("/bin/bash", ["-c", script])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == #"{"slept":1.5}{"slept":1.5}"#)
        let elapsed = try #require(lines.last.flatMap { Int($0) })
        // One after the other they would take at least 3000 ms.
        #expect(elapsed < 2700, "two 1.5 s invocations took \(elapsed) ms")
    }

    @Test("beyond ReservedConcurrentExecutions an invocation is throttled with 429")
    func reservedConcurrency() throws {
        let emulator = try RunningEmulator()
        let url = "\(emulator.endpoint)/2015-03-31/functions/ProbeReserved/invocations"
        let script = """
            curl -s -o /dev/null -w '%{http_code}\\n' -d '{"action":"sleep","seconds":2}' \(url) > slow.txt &
            sleep 0.7
            curl -s -i -d '{}' \(url)
            wait; echo; cat slow.txt
            """
        let directory = try TemporaryDirectory()
        let result = try run("/bin/bash", ["-c", "cd \(directory.path)\n" + script])
        #expect(result.stdout.hasPrefix("HTTP/1.1 429 Too Many Requests"))
        #expect(result.stdout.contains("x-amzn-ErrorType: TooManyRequestsException"))
        #expect(result.stdout.contains(#""Reason":"ReservedFunctionConcurrentInvocationLimitExceeded""#))
        #expect(result.stdout.hasSuffix("\n200\n"))
    }

    @Test("Ctrl-C stops the emulator and every function process")
    func interruptStopsEverything() async throws {
        let emulator = try RunningEmulator()
        _ = try await post(emulator, function: "Probe", body: Data("{}".utf8))
        _ = try await post(emulator, function: "ProbeReserved", body: Data("{}".utf8))
        let children = childProcesses(of: emulator.process.pid)
        #expect(children.count == 2)
        #expect(emulator.interrupt() == 0)
        for pid in children { #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)")) }
    }
}

/// POSTs an invocation with the curl command (URLSession on Linux sends one request per host at a time, which would
/// hide the emulator's concurrency).
func post(_ emulator: RunningEmulator, function: String, body: Data) async throws -> (Data, HTTPURLResponse) {
    let directory = try TemporaryDirectory()
    let bodyFile = directory.path + "/body"
    let headerFile = directory.path + "/headers"
    let outFile = directory.path + "/out"
    try body.write(to: URL(fileURLWithPath: bodyFile))
    _ = try run(
        "/usr/bin/env",
        [
            "curl", "-s", "-o", outFile, "-D", headerFile, "-X", "POST", "--data-binary", "@\(bodyFile)",
            "\(emulator.endpoint)/2015-03-31/functions/\(function)/invocations",
        ])
    let headerText = try String(contentsOfFile: headerFile, encoding: .utf8)
    let lines = headerText.split(separator: "\r\n").map(String.init)
    let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let response = try #require(
        HTTPURLResponse(url: URL(string: emulator.endpoint)!, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers))
    return ((try? Data(contentsOf: URL(fileURLWithPath: outFile))) ?? Data(), response)
}
