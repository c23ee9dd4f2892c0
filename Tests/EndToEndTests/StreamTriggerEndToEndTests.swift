import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Stream triggers through the real binary: writes made with boto3 and the AWS CLI reach the declared functions
/// (the Probe test function) with the mapping's batching, retries, filters and failure destination; checkpoints
/// survive `kill -9`; status, failures, replay and stream export work as documented.
@Suite(.timeLimit(.minutes(3)))
struct StreamTriggerEndToEndTests {
    static let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/streams/template.json"

    /// A running emulator on the streams fixture, with the Probe logs and state in one temporary folder.
    final class Session: Sendable {
        let directory: TemporaryDirectory
        let emulator: RunningEmulator

        init(directory: TemporaryDirectory? = nil) throws {
            let directory = try directory ?? TemporaryDirectory()
            self.directory = directory
            emulator = try RunningEmulator(
                template: StreamTriggerEndToEndTests.template, stateDirectory: directory.path + "/state",
                extraArguments: [
                    "--parameter-overrides", "ProbeLogPath=\(directory.path)/probe.log",
                    "--parameter-overrides", "FilteredLogPath=\(directory.path)/filtered.log",
                ])
        }

        var failureFile: String { directory.path + "/state/failures/ProbeDLQ.jsonl" }

        func put(_ item: String) throws {
            let result = try emulator.awsDynamoDB(["put-item", "--table-name", "probe-events", "--item", item])
            #expect(result.status == 0, "\(result.stderr)")
        }

        /// The sequence numbers of each batch a Probe function received, in order.
        func batches(_ log: String = "probe.log") -> [[String]] {
            let text = (try? String(contentsOfFile: directory.path + "/" + log, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { line in
                (try? jsonObject(String(line)))?["sequenceNumbers"] as? [String]
            }
        }

        func lines(of path: String) -> [String] {
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    /// Polls `condition` every 20 ms for up to `seconds`.
    static func eventually(_ seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test("lambda-local list shows each mapping with its stream and settings")
    func list() throws {
        let result = try run(Paths.lambdaLocal, ["list", "--template", Self.template, "--bin-path", Paths.binDirectory])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                """
                Event source mappings:
                  StreamProbe.Stream  EventsTable stream  TRIM_HORIZON  batch 10  retries 2  ReportBatchItemFailures  on failure → ProbeDLQ
                  FilteredProbe.Inserts  EventsTable stream  TRIM_HORIZON  batch 100  retries until expiry  1 filter

                """))
    }

    @Test("a PutItem made with boto3 reaches the declared function, as a Lambda-shaped single-record batch")
    func boto3PutTriggersFunction() throws {
        let session = try Session()
        let script = """
            import boto3, sys
            client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
            client.put_item(TableName="probe-events", Item={"pk": {"S": "keep#boto3"}, "n": {"N": "1"}})
            """
        let result = try run("/usr/bin/env", ["python3", "-c", script, session.emulator.dynamoDBEndpoint])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.eventually { session.batches().count == 1 }, "\(session.emulator.log)")
        #expect(session.batches().first?.count == 1)
        #expect(session.emulator.log.contains("StreamProbe.Stream: 1 record \(session.batches().first?.first ?? "?"): OK"))
    }

    @Test("a poison record under MaximumRetryAttempts 2 is invoked exactly 3 times, lands in the failure file, and later records keep flowing")
    func poisonRecord() throws {
        let session = try Session()
        try session.put(#"{"pk": {"S": "keep#1"}}"#)
        #expect(Self.eventually { session.batches().count == 1 })
        try session.put(#"{"pk": {"S": "bad"}, "poison": {"BOOL": true}}"#)
        #expect(Self.eventually { session.lines(of: session.failureFile).count == 1 }, "\(session.emulator.log)")
        try session.put(#"{"pk": {"S": "keep#2"}}"#)
        #expect(Self.eventually { session.batches().count == 5 }, "\(session.emulator.log)")

        let batches = session.batches()
        let poison = try #require(batches.dropFirst().first?.first)
        #expect(batches.map(\.count) == [1, 1, 1, 1, 1])
        #expect(batches.filter { $0 == [poison] }.count == 3)
        #expect(batches.last != [poison])

        let failure = try jsonObject(try #require(session.lines(of: session.failureFile).first))
        let context = try #require(failure["requestContext"] as? [String: Any])
        #expect(context["condition"] as? String == "RetryAttemptsExhausted")
        #expect(context["approximateInvokeCount"] as? Int == 3)
        #expect(context["functionArn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:StreamProbe")
        let response = try #require(failure["responseContext"] as? [String: Any])
        #expect(response["functionError"] as? String == "Unhandled")
        let info = try #require(failure["DDBStreamBatchInfo"] as? [String: Any])
        #expect(info["startSequenceNumber"] as? String == poison)
        #expect(info["endSequenceNumber"] as? String == poison)
        #expect(info["batchSize"] as? Int == 1)
        #expect(failure["version"] as? String == "1.0")

        let listed = try run(
            Paths.lambdaLocal, ["failures", "--state-dir", session.directory.path + "/state"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("RetryAttemptsExhausted  3 invocations  1 record \(poison)  StreamProbe  error: Unhandled"))
        // --json prints each record as stored: AWS's key order, slashes unescaped.
        let asJSON = try run(Paths.lambdaLocal, ["failures", "--json", "--state-dir", session.directory.path + "/state"])
        #expect(asJSON.status == 0, "\(asJSON.stderr)")
        #expect(asJSON.stdout == session.lines(of: session.failureFile).joined(separator: "\n") + "\n")
        let none = try run(Paths.lambdaLocal, ["failures", "--json", "--state-dir", session.directory.path + "/nothing"])
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none.stdout)")
    }

    @Test("FilterCriteria deliver only matching INSERTs; the filtered records are skipped, not retried")
    func filters() throws {
        let session = try Session()
        for key in ["keep#a", "drop#b", "keep#c"] { try session.put(#"{"pk": {"S": "\#(key)"}}"#) }
        try session.put(#"{"pk": {"S": "keep#a"}, "changed": {"BOOL": true}}"#)  // a MODIFY
        #expect(Self.eventually { session.batches().count == 4 })
        #expect(Self.eventually { session.batches("filtered.log").count == 2 })
        usleep(300_000)
        let all = session.batches().flatMap { $0 }
        #expect(session.batches("filtered.log").flatMap { $0 } == [all[0], all[2]])
    }

    @Test("after kill -9 the mapping resumes at its checkpoint: nothing processed is delivered again, nothing is skipped")
    func resumeAfterKill() throws {
        let directory = try TemporaryDirectory()
        var session: Session? = try Session(directory: directory)
        try session?.put(#"{"pk": {"S": "keep#1"}}"#)
        try session?.put(#"{"pk": {"S": "keep#2"}}"#)
        #expect(Self.eventually { (session?.batches().flatMap { $0 }.count ?? 0) == 2 })
        session?.emulator.kill()
        session = nil

        let restarted = try Session(directory: directory)
        try restarted.put(#"{"pk": {"S": "keep#3"}}"#)
        #expect(Self.eventually { restarted.batches().flatMap { $0 }.count >= 3 }, "\(restarted.emulator.log)")
        usleep(500_000)
        let delivered = restarted.batches().flatMap { $0 }
        #expect(delivered.count == 3)
        #expect(Set(delivered).count == 3)
        #expect(delivered == delivered.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count })
    }

    @Test("aws lambda list-event-source-mappings and lambda-local status describe the running mappings")
    func statusAndListing() throws {
        let session = try Session()
        try session.put(#"{"pk": {"S": "keep#1"}}"#)
        #expect(Self.eventually { session.batches().count == 1 })
        let list = try run(
            "/usr/bin/env",
            [
                "aws", "lambda", "list-event-source-mappings", "--endpoint-url", session.emulator.endpoint,
                "--function-name", "StreamProbe", "--output", "json",
            ],
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"])
        #expect(list.status == 0, "\(list.stderr)")
        let mappings = try #require(try jsonObject(list.stdout)["EventSourceMappings"] as? [[String: Any]])
        #expect(mappings.count == 1)
        let mapping = try #require(mappings.first)
        #expect(mapping["BatchSize"] as? Int == 10)
        #expect(mapping["MaximumRetryAttempts"] as? Int == 2)
        #expect(mapping["StartingPosition"] as? String == "TRIM_HORIZON")
        #expect(mapping["State"] as? String == "Enabled")
        #expect(mapping["LastProcessingResult"] as? String == "OK")
        #expect(mapping["FunctionResponseTypes"] as? [String] == ["ReportBatchItemFailures"])
        #expect(
            (mapping["DestinationConfig"] as? [String: [String: String]])?["OnFailure"]?["Destination"]
                == "arn:aws:sqs:us-east-1:123456789012:ProbeDLQ")
        let uuid = try #require(mapping["UUID"] as? String)

        let status = try run(Paths.lambdaLocal, ["status", "--port", String(session.emulator.port)])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("StreamProbe.Stream  Enabled  OK  (UUID \(uuid))"))
        #expect(status.stdout.contains("  behind       0 records"))
        #expect(status.stdout.contains("FilteredProbe.Inserts  Enabled"))
        #expect(status.stdout.contains("filtered out 0"))
    }

    @Test("stream export writes the table's stream as a log; replay feeds it through the mapping and exits 1 when records reach the failure destination")
    func exportAndReplay() throws {
        let session = try Session()
        try session.put(#"{"pk": {"S": "keep#1"}}"#)
        try session.put(#"{"pk": {"S": "keep#2"}}"#)
        #expect(Self.eventually { session.batches().flatMap { $0 }.count == 2 })
        session.emulator.interrupt()

        let log = session.directory.path + "/stream.jsonl"
        let export = try run(
            Paths.lambdaLocal,
            [
                "stream", "export", "EventsTable", "--state-dir", session.directory.path + "/state", "--output", log,
                "--template", Self.template,
            ])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("exported 2 records"))
        #expect(session.lines(of: log).count == 2)

        let replayLog = session.directory.path + "/replay.log"
        let clean = try lambdaLocal(
            [
                "replay", "StreamProbe", "--events", log, "--in-memory",
                "--parameter-overrides", "ProbeLogPath=\(replayLog)",
            ], template: Self.template)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("replayed 2 records"))
        #expect(clean.stdout.contains("batches 1, invocations 1, retries 0"))
        #expect(session.lines(of: replayLog).count == 1)

        let poisoned = try lambdaLocal(
            [
                "replay", "StreamProbe", "--events", "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/streams/poison-log.jsonl",
                "--in-memory", "--bisect-batch-on-function-error", "true",
            ], template: Self.template)
        #expect(poisoned.status == 1, "\(poisoned.stderr)")
        #expect(poisoned.stdout.contains("replayed 3 records"))
        #expect(poisoned.stdout.contains("records OK 2, filtered out 0, sent to the failure destination 1"))
        #expect(poisoned.stderr.contains("discarded (RetryAttemptsExhausted)"))
    }
}
