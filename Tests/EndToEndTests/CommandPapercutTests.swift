import Foundation
import Testing

/// What a newcomer trips over in the command line: `list` refusing what `start` refuses, `status` with nothing
/// listening, both spellings of `--event`/`--events`, and a `replay` that ends even when a record always fails or is
/// too large to send.
@Suite(.timeLimit(.minutes(2)))
struct CommandPapercutTests {
    static let streamsTemplate = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/streams/template.json"

    @Test("list exits 1 on a FilterCriteria pattern start would reject, naming the template path")
    func listRejectsBadFilter() throws {
        let original = try String(contentsOfFile: Self.streamsTemplate, encoding: .utf8)
        // A pattern whose value is a string, not an array: Lambda rejects it.
        let broken = original.replacingOccurrences(
            of: #"{\"eventName\":[\"INSERT\"]"#, with: #"{\"eventName\":\"INSERT\""#)
        #expect(broken != original, "the fixture's filter pattern changed; update this test")
        // Next to the fixture, so its relative CodeUri still resolves; removed whatever happens.
        let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/streams/broken-filter-\(UUID().uuidString).json"
        try broken.write(toFile: template, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: template) }
        let result = try run(Paths.lambdaLocal, ["list", "--template", template, "--bin-path", Paths.binDirectory])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("Properties.FilterCriteria"), "\(result.stderr)")
    }

    @Test("status with no emulator listening exits 1 with one clear line, not the usage text")
    func statusWithoutEmulator() throws {
        let result = try run(Paths.lambdaLocal, ["status", "--port", String(try freePort())])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no emulator answers at http://127.0.0.1:"), "\(result.stderr)")
        #expect(!result.stderr.contains("USAGE"))
    }

    @Test("invoke takes --events as well as --event")
    func invokeEventsSpelling() throws {
        let result = try lambdaLocal(["invoke", "Echo", "--events", "events/echo.json"], template: Paths.rootTemplate)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(contentsOfFile: "\(Paths.packageRoot)/events/echo.json", encoding: .utf8)
        #expect(try canonicalJSON(try jsonObject(result.stdout)) == canonicalJSON(try jsonObject(expected)))
    }

    /// A log of `records` stream records (INSERTs of `pk` `r<i>`), the one at `hugeIndex` carrying a 7 MB attribute.
    static func log(records: Int, hugeIndex: Int? = nil, poison: Int? = nil) -> String {
        (0..<records).map { index in
            var image = #"{"pk": {"S": "r\#(index)"}"#
            if index == hugeIndex { image += #", "blob": {"S": "\#(String(repeating: "x", count: 7_000_000))"}"# }
            if index == poison { image += #", "poison": {"BOOL": true}"# }
            image += "}"
            return #"{"eventID": "\#(String(format: "%032x", index + 1))", "eventName": "INSERT", "eventVersion": "1.1", "eventSource": "aws:dynamodb", "awsRegion": "us-east-1", "dynamodb": {"ApproximateCreationDateTime": 1795650001, "Keys": {"pk": {"S": "r\#(index)"}}, "NewImage": \#(image), "SequenceNumber": "1000000000000000000\#(String(format: "%02d", index + 1))", "SizeBytes": 16, "StreamViewType": "NEW_AND_OLD_IMAGES"}}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("a record over the 6 MB payload limit goes to the failure destination without an invocation; --event names the log too")
    func hugeRecord() throws {
        let directory = try TemporaryDirectory()
        let log = try directory.write("huge.jsonl", Self.log(records: 3, hugeIndex: 1))
        let result = try lambdaLocal(
            ["replay", "StreamProbe", "--event", log, "--in-memory", "--parameter-overrides", "ProbeLogPath=\(directory.path)/probe.log"],
            template: Self.streamsTemplate)
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("is over the 6291456-byte invocation payload limit, not invoked"), "\(result.stderr)")
        #expect(result.stdout.contains("records OK 2, filtered out 0, sent to the failure destination 1"), "\(result.stdout)")
        let invoked = (try? String(contentsOfFile: directory.path + "/probe.log", encoding: .utf8)) ?? ""
        #expect(!invoked.contains("100000000000000000002"), "the huge record reached the function: \(invoked)")
        #expect(invoked.contains("100000000000000000001") && invoked.contains("100000000000000000003"), "\(invoked)")
    }

    @Test("replay of a function with no DynamoDB event (MaximumRetryAttempts -1) ends, and says how it bounded retries")
    func unboundedRetriesEnd() throws {
        let directory = try TemporaryDirectory()
        let log = try directory.write("poison.jsonl", Self.log(records: 1, poison: 0))
        // Probe has no DynamoDB event; it fails every batch holding a poison record.
        let result = try lambdaLocal(["replay", "Probe", "--events", log, "--in-memory"])
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("batches 1, invocations 4, retries 3"), "\(result.stdout)")
        #expect(result.stdout.contains("MaximumRetryAttempts is -1"), "\(result.stdout)")
        #expect(result.stderr.contains("Max Memory Used: ") && !result.stderr.contains("Max Memory Used: 0 MB"))
    }
}
