import Foundation
import Testing

/// Both HTTP ports of `lambda-local start` as a client meets them: AWS-shaped answers for paths and methods nothing
/// serves, Lambda's `ListFunctions`/`GetFunction` through the AWS CLI, HTTP/1.0 connections closed after their answer,
/// and idle connections closed after `--idle-timeout`.
@Suite(.timeLimit(.minutes(3)))
struct HTTPPortsEndToEndTests {
    static let credentials = ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"]

    /// `curl -X METHOD URL`: the status, the `x-amzn-ErrorType` header (if any) and the JSON body.
    static func request(_ method: String, _ url: String, headers: [String] = []) throws
        -> (status: Int, errorType: String?, body: [String: Any])
    {
        let directory = try TemporaryDirectory()
        let headerFile = directory.path + "/headers"
        let result = try run(
            "/usr/bin/env",
            ["curl", "--silent", "--max-time", "20", "-X", method, "--dump-header", headerFile, "--write-out",
             "\n%{http_code}", url] + headers.flatMap { ["--header", $0] })
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.last ?? "") ?? 0
        let body = lines.dropLast().joined(separator: "\n")
        let headerText = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        let errorType = headerText.split(separator: "\r\n").first { $0.lowercased().hasPrefix("x-amzn-errortype:") }
            .map { $0.dropFirst("x-amzn-errortype:".count).trimmingCharacters(in: .whitespaces) }
        let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? ["raw": body]
        return (status, errorType, object)
    }

    @Test("unknown paths and methods get Lambda's and DynamoDB's error shapes, and both ports keep serving")
    func unknownRoutes() throws {
        let emulator = try RunningEmulator()
        defer { emulator.kill() }

        for (method, path) in [("GET", "/nope"), ("DELETE", "/2015-03-31/functions/probe-function/invocations"),
                               ("POST", "/2015-03-31/functions")] {
            let answer = try Self.request(method, emulator.endpoint + path)
            #expect(answer.status == 404, "\(method) \(path): \(answer.body)")
            #expect(answer.errorType == "UnknownOperationException", "\(method) \(path)")
            #expect(answer.body["Type"] as? String == "User")
            #expect(answer.body["message"] as? String == "Unknown operation: \(method) \(path)")
        }
        for (method, path) in [("GET", "/"), ("POST", "/other"), ("PUT", "/")] {
            let answer = try Self.request(method, emulator.dynamoDBEndpoint + path)
            #expect(answer.status == 400, "\(method) \(path): \(answer.body)")
            #expect(answer.body["__type"] as? String == "com.amazon.coral.service#UnknownOperationException")
            #expect(answer.body["message"] as? String == "Unknown operation: \(method) \(path)")
        }
        let invoked = try emulator.awsInvoke("probe-function", payload: #"{"ping":1}"#)
        #expect(invoked.output.status == 0, "\(invoked.output.stderr)")
        let tables = try run(
            "/usr/bin/env", ["aws", "dynamodb", "list-tables", "--endpoint-url", emulator.dynamoDBEndpoint],
            environment: Self.credentials)
        #expect(tables.status == 0, "\(tables.stderr)")
    }

    @Test("aws lambda list-functions pages through the template's functions and get-function describes one")
    func listAndGetFunctions() throws {
        let emulator = try RunningEmulator()
        defer { emulator.kill() }

        let listed = try run(
            "/usr/bin/env",
            ["aws", "lambda", "list-functions", "--endpoint-url", emulator.endpoint, "--page-size", "2", "--output", "json"],
            environment: Self.credentials)
        #expect(listed.status == 0, "\(listed.stderr)")
        let functions = try jsonObject(listed.stdout)["Functions"] as? [[String: Any]] ?? []
        #expect(functions.compactMap { $0["FunctionName"] as? String }
            == ["ProbeInitExit", "ProbeInitFail", "ProbeReserved", "ShellFunction", "probe-function"])
        #expect(functions.allSatisfy { $0["Runtime"] as? String == "provided.al2023" && $0["State"] as? String == "Active" })

        let got = try run(
            "/usr/bin/env",
            ["aws", "lambda", "get-function", "--endpoint-url", emulator.endpoint, "--function-name", "ProbeReserved"],
            environment: Self.credentials)
        #expect(got.status == 0, "\(got.stderr)")
        let document = try jsonObject(got.stdout)
        let configuration = document["Configuration"] as? [String: Any] ?? [:]
        #expect(configuration["FunctionArn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:ProbeReserved")
        #expect(configuration["Timeout"] as? Int == 5)
        #expect((configuration["CodeSize"] as? Int ?? 0) > 0, "the built executable's size")
        #expect((document["Concurrency"] as? [String: Any])?["ReservedConcurrentExecutions"] as? Int == 1)

        let missing = try run(
            "/usr/bin/env",
            ["aws", "lambda", "get-function", "--endpoint-url", emulator.endpoint, "--function-name", "Nope"],
            environment: Self.credentials)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("ResourceNotFoundException"), "\(missing.stderr)")
        #expect(missing.stderr.contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope"))
    }

    /// Sends `request` on a new connection and reads until the server closes it or 5 s pass; prints the seconds
    /// waited for the close (or "open") and the status line.
    static let rawClient = #"""
        import socket, sys, time
        port, request, wait_first = int(sys.argv[1]), sys.argv[2].encode().decode('unicode_escape').encode(), sys.argv[3] == "1"
        s = socket.create_connection(("127.0.0.1", port))
        if request: s.sendall(request)
        s.settimeout(5)
        start, data = time.time(), b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    print("closed", round(time.time() - start, 2), data.split(b"\r\n")[0].decode())
                    break
                data += chunk
        except socket.timeout:
            print("open", data.split(b"\r\n")[0].decode())
        """#

    static func raw(port: Int, _ request: String) throws -> [String] {
        let result = try run("/usr/bin/env", ["python3", "-c", rawClient, String(port), request, "0"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test("an HTTP/1.0 request's connection closes after its answer; a keep-alive one stays open until the idle timeout")
    func http10AndIdleTimeout() throws {
        let emulator = try RunningEmulator(extraArguments: ["--idle-timeout", "1"])
        defer { emulator.kill() }

        let listTables = #"POST / HTTP/1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}"#
        let closed = try Self.raw(port: emulator.dynamoDBPort, listTables)
        #expect(closed.first == "closed" && closed.contains("200"), "\(closed)")
        #expect(Double(closed.dropFirst().first ?? "") ?? 9 < 0.9, "closed at once, not by the idle timeout: \(closed)")

        let lambda10 = try Self.raw(port: emulator.port, #"GET /2015-03-31/functions/ HTTP/1.0\r\n\r\n"#)
        #expect(lambda10.first == "closed" && (Double(lambda10[1]) ?? 9) < 0.9, "\(lambda10)")

        // HTTP/1.0 with keep-alive, and a connection that never sends anything: closed by the 1 s idle timeout.
        let keptAlive = try Self.raw(port: emulator.port, #"GET /nope HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"#)
        #expect(keptAlive.first == "closed" && (Double(keptAlive[1]) ?? 0) >= 0.9, "\(keptAlive)")
        let silent = try Self.raw(port: emulator.dynamoDBPort, "")
        #expect(silent.first == "closed" && (Double(silent[1]) ?? 0) >= 0.9, "\(silent)")
        #expect(emulator.process.isRunning)
    }
}
