import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `InvocationType: Event` as Lambda runs it, through `lambda-local start` and boto3: a durable queue in the state
/// directory, retries with `EventInvokeConfig`, destinations, and events kept apart from synchronous invocations.
@Suite(.timeLimit(.minutes(4)))
struct AsyncInvokeEndToEndTests {
    static let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/async/template.json"
    static let script = "\(Paths.packageRoot)/Tests/EndToEndTests/Scripts/async_invoke.py"

    @Test("a failing Event invocation is invoked three times and lands in its destination, surviving a restart")
    func retriesAcrossRestart() throws {
        let state = try TemporaryDirectory()
        let arguments = ["--async-retry-delay", "3"]
        let first = try RunningEmulator(template: Self.template, stateDirectory: state.path, extraArguments: arguments)
        let accepted = try client(first, "event", "Failing", #"{"order":7}"#).split(separator: " ")
        #expect(accepted.first == "202")
        let requestID = String(try #require(accepted.last))
        // The function got the 202's request ID; the failed attempt is recorded before the emulator stops.
        try waitFor(first, "asynchronous invocation \(requestID) of Failing failed (attempt 1); retrying")
        #expect(first.log.contains("failing attempt \(requestID)"))
        #expect(first.interrupt() == 0)
        let queued = try sqlite(state.path, "SELECT request_id || ' ' || attempts FROM events")
        #expect(queued == "\(requestID) 1")

        let second = try RunningEmulator(template: Self.template, stateDirectory: state.path, extraArguments: arguments)
        let line = try waitFor(second, "sink got ")
        let attempts = (first.log + second.log).components(separatedBy: "failing attempt \(requestID)").count - 1
        #expect(attempts == 3)
        let record = try jsonObject(String(line.split(separator: "sink got ", maxSplits: 1).last ?? ""))
        #expect(record["version"] as? String == "1.0")
        let context = try #require(record["requestContext"] as? [String: Any])
        #expect(context["requestId"] as? String == requestID)
        #expect(context["condition"] as? String == "RetriesExhausted")
        #expect(context["approximateInvokeCount"] as? Int == 3)
        #expect(context["functionArn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:Failing:$LATEST")
        #expect((record["requestPayload"] as? [String: Any])?["order"] as? Int == 7)
        #expect((record["responseContext"] as? [String: Any])?["functionError"] as? String == "Unhandled")
        #expect((record["responsePayload"] as? [String: Any])?["errorType"] as? String == "AlwaysFails")
        // Once Sink has answered its own (destination) invocation, nothing is left in the queue.
        let deadline = Date().addingTimeInterval(30)
        var left = ""
        repeat {
            left = try sqlite(state.path, "SELECT COUNT(*) FROM events")
            if left != "0" { usleep(100_000) }
        } while left != "0" && Date() < deadline
        #expect(left == "0")
        #expect(second.interrupt() == 0)
    }

    @Test("an Event invocation's function sees the ARN the caller invoked: qualified with Qualifier, else not")
    func qualifierKept() throws {
        let state = try TemporaryDirectory()
        let emulator = try RunningEmulator(template: Self.template, stateDirectory: state.path)
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:Sink"
        for (command, expected) in [("event-latest", arn + ":$LATEST"), ("event", arn)] {
            let accepted = try client(emulator, command, "Sink", #"{"q":1}"#).split(separator: " ")
            #expect(accepted.first == "202")
            let requestID = String(try #require(accepted.last))
            let line = try waitFor(emulator, "for \(requestID)")
            #expect(line.hasSuffix("sink invoked as \(expected) for \(requestID)"), "\(line)")
        }
        #expect(emulator.interrupt() == 0)
    }

    @Test("a burst of large Event invocations waits on disk while a RequestResponse invocation answers")
    func burstDoesNotStarveSynchronousInvocations() throws {
        let state = try TemporaryDirectory()
        let emulator = try RunningEmulator(
            template: Self.template, stateDirectory: state.path, extraArguments: ["--max-environments", "4"])
        let before = try residentKilobytes(emulator.process.pid)
        let burst = try jsonObject(try client(emulator, "burst", "Slow", "60", "1000000"))
        #expect(burst["accepted"] as? Int == 60)
        let answer = try client(emulator, "sync", "Slow", #"{"n":1}"#)
        #expect(answer.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"slow":true}"#)
        let after = try residentKilobytes(emulator.process.pid)
        // The events not yet run are in the queue's SQLite file, payloads included.
        let onDisk = try #require(Int(try sqlite(state.path, "SELECT COUNT(*) FROM events WHERE length(payload) >= 1000000")))
        #expect(onDisk > 0)
        print("async burst: RSS \(before) kB before, \(after) kB after 60 x 1 MB events; \(onDisk) waiting on disk")
        #expect(after - before < 60_000, "the burst's payloads are held in memory: \(before) kB -> \(after) kB")
        // Ctrl-C with events waiting stops promptly; they stay for the next start.
        #expect(emulator.interrupt() == 0)
        #expect(Int(try sqlite(state.path, "SELECT COUNT(*) FROM events")) ?? 0 > 0)
    }

    /// Runs the boto3 client script against `emulator`; its standard output.
    private func client(_ emulator: RunningEmulator, _ arguments: String...) throws -> String {
        let result = try run("/usr/bin/env", ["python3", Self.script, emulator.endpoint] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits (up to 60 s) for a line of the emulator's log containing `text`; returns that line.
    @discardableResult
    private func waitFor(_ emulator: RunningEmulator, _ text: String) throws -> String {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let line = emulator.log.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            usleep(50_000)
        }
        throw LogWaitError(text: text, log: emulator.log)
    }

    /// One value from the queue's SQLite file, read by Python's sqlite3 (a reader apart from the emulator).
    private func sqlite(_ stateDirectory: String, _ query: String) throws -> String {
        let script = "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"
        let result = try run(
            "/usr/bin/env", ["python3", "-c", script, stateDirectory + "/async-events.sqlite", query])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process's resident set size (`VmRSS`), in kB.
    private func residentKilobytes(_ pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }
}

struct LogWaitError: Error, CustomStringConvertible {
    let text: String
    let log: String
    var description: String { "the emulator never printed \"\(text)\"; it printed:\n\(log)" }
}
