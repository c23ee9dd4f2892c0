import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 7 through the real binary: the stream fixture's table deleted and re-created with the AWS CLI
/// while `start` runs. The mapping reports the ended stream in `status` and `list-event-source-mappings`, then
/// follows the new table's stream from its `TRIM_HORIZON`.
@Suite(.timeLimit(.minutes(3)))
struct TableRecreatedEndToEndTests {
    @Test("a table dropped and re-created while start runs: status shows the problem, then the mapping follows the new stream")
    func followsRecreatedTable() throws {
        let session = try StreamTriggerEndToEndTests.Session()
        let emulator = session.emulator
        try session.put(#"{"pk": {"S": "keep#1"}}"#)
        #expect(StreamTriggerEndToEndTests.eventually { session.batches().flatMap { $0 }.count == 1 })
        let firstStream = try #require(try mapping(of: emulator)?["EventSourceArn"] as? String)

        let deleted = try emulator.awsDynamoDB(["delete-table", "--table-name", "probe-events"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(
            StreamTriggerEndToEndTests.eventually { status(of: emulator).contains("StreamProbe.Stream  Enabled  PROBLEM: Stream ended") },
            "\(status(of: emulator))\n\(emulator.log)")
        #expect((try mapping(of: emulator)?["LastProcessingResult"] as? String)?.hasPrefix("PROBLEM: Stream ended") == true)
        #expect(emulator.log.contains("table probe-events was deleted or its stream disabled"))

        let created = try emulator.awsDynamoDB([
            "create-table", "--table-name", "probe-events",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST", "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        // Written before the mapping moves: TRIM_HORIZON of the new stream still delivers it.
        try session.put(#"{"pk": {"S": "keep#2"}}"#)
        #expect(
            StreamTriggerEndToEndTests.eventually { session.batches().flatMap { $0 }.count >= 2 },
            "\(status(of: emulator))\n\(emulator.log)")
        try session.put(#"{"pk": {"S": "keep#3"}}"#)
        #expect(StreamTriggerEndToEndTests.eventually { session.batches().flatMap { $0 }.count >= 3 })
        usleep(500_000)
        #expect(session.batches().flatMap { $0 }.count == 3, "nothing delivered twice")
        let moved = try #require(try mapping(of: emulator))
        #expect(moved["EventSourceArn"] as? String != firstStream)
        #expect((moved["EventSourceArn"] as? String)?.hasPrefix("arn:aws:dynamodb:") == true)
        #expect(moved["LastProcessingResult"] as? String == "OK")
        #expect(status(of: emulator).contains("StreamProbe.Stream  Enabled  OK"))
    }

    /// `lambda-local status`'s output.
    func status(of emulator: RunningEmulator) -> String {
        (try? run(Paths.lambdaLocal, ["status", "--port", String(emulator.port)]).stdout) ?? ""
    }

    /// StreamProbe's mapping as `aws lambda list-event-source-mappings` describes it.
    func mapping(of emulator: RunningEmulator) throws -> [String: Any]? {
        let list = try run(
            "/usr/bin/env",
            [
                "aws", "lambda", "list-event-source-mappings", "--endpoint-url", emulator.endpoint,
                "--function-name", "StreamProbe", "--output", "json",
            ],
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"])
        return (try jsonObject(list.stdout)["EventSourceMappings"] as? [[String: Any]])?.first
    }
}
