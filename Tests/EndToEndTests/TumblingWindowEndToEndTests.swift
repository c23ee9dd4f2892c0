import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Tumbling windows through the real binary: a shell function keeps a running total per 20-second window of a
/// DynamoDB stream written with boto3 and the AWS CLI, across a restart of `lambda-local start`.
@Suite(.timeLimit(.minutes(3)))
struct TumblingWindowEndToEndTests {
    static let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/tumbling-window/template.json"
    static let windowSeconds = 20

    static func start(_ directory: TemporaryDirectory) throws -> RunningEmulator {
        try RunningEmulator(
            template: template, stateDirectory: directory.path + "/state",
            extraArguments: ["--parameter-overrides", "WindowLogPath=\(directory.path)/window.log"])
    }

    /// One line per invocation the function logged.
    static func invocations(_ directory: TemporaryDirectory) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: directory.path + "/window.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? jsonObject(String($0)) }
    }

    @Test("a window's final invocation carries a running total equal to the sum of its records, across a restart")
    func runningTotalEqualsSum() throws {
        let directory = try TemporaryDirectory()
        // Start with at least 12 s of the current window left, so both writes and the restart fall inside it.
        let intoWindow = Int(Date().timeIntervalSince1970) % Self.windowSeconds
        if intoWindow > Self.windowSeconds - 12 { sleep(UInt32(Self.windowSeconds - intoWindow)) }

        var emulator: RunningEmulator? = try Self.start(directory)
        let first = [3, 5, 7, 11]
        let script = """
            import boto3, sys
            client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")
            for index, n in enumerate(sys.argv[2:]):
                client.put_item(TableName="window-numbers", Item={"pk": {"S": f"a{index}"}, "n": {"N": n}})
            """
        let written = try run(
            "/usr/bin/env", ["python3", "-c", script, emulator!.dynamoDBEndpoint] + first.map(String.init))
        #expect(written.status == 0, "\(written.stderr)")
        #expect(
            StreamTriggerEndToEndTests.eventually {
                Self.invocations(directory).flatMap { $0["numbers"] as? [Int] ?? [] }.count == first.count
            }, "\(emulator?.log ?? "")")
        usleep(500_000)  // the last response reaches the emulator and its state and checkpoint are saved
        #expect(emulator?.interrupt() == 0)
        emulator = nil

        let restarted = try Self.start(directory)
        let second = [13, 17]
        for (index, n) in second.enumerated() {
            let result = try restarted.awsDynamoDB([
                "put-item", "--table-name", "window-numbers", "--item", #"{"pk": {"S": "b\#(index)"}, "n": {"N": "\#(n)"}}"#,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(
            StreamTriggerEndToEndTests.eventually(Double(Self.windowSeconds) + 10) {
                Self.invocations(directory).contains { $0["final"] as? Bool == true }
            }, "\(restarted.log)")

        let invocations = Self.invocations(directory)
        let finals = invocations.filter { $0["final"] as? Bool == true }
        let final = try #require(finals.first)
        #expect(finals.count == 1)
        #expect((final["numbers"] as? [Int]) == [])
        #expect(final["early"] as? Bool == false)
        #expect((final["stateIn"] as? [String: String])?["total"] == String((first + second).reduce(0, +)))
        // Every invocation of the window carried the previous one's state, before and after the restart.
        let aggregations = invocations.filter { $0["final"] as? Bool == false }
        #expect(aggregations.flatMap { $0["numbers"] as? [Int] ?? [] } == first + second)
        for (previous, next) in zip(invocations, invocations.dropFirst()) {
            #expect((next["stateIn"] as? [String: String]) == (previous["stateOut"] as? [String: String]))
        }
        #expect((invocations.first?["stateIn"] as? [String: String]) == [:])
        // One window for all, epoch-aligned to 20 s, named as Lambda names it.
        let windows = Set(invocations.compactMap { ($0["window"] as? [String: String])?["start"] })
        #expect(windows.count == 1)
        let start = try #require(windows.first)
        #expect(start.hasSuffix("0Z") && [0, 20, 40].contains(Int(start.dropLast().suffix(2)) ?? -1))
        #expect((final["shardId"] as? String)?.hasPrefix("shardId-") == true)
        #expect((final["eventSourceARN"] as? String)?.contains(":table/window-numbers/stream/") == true)
    }
}
