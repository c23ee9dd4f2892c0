import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 4 through the real binary: `start --stream-shard-records N` rolls a table's stream over to child
/// shards, and a mapping — on the embedded stream, or on another emulator's through `--streams-endpoint` — crosses
/// every shard boundary in order, across a restart, delivering each record once.
@Suite(.timeLimit(.minutes(3)))
struct ShardLineageEndToEndTests {
    /// The sequence numbers the Probe function logged, batch after batch.
    static func delivered(_ log: String) -> [String] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").flatMap {
            ((try? jsonObject(String($0)))?["sequenceNumbers"] as? [String]) ?? []
        }
    }

    /// Puts `count` versions of the one item `pk` = `same` (one record each, all of one partition key).
    static func write(_ count: Int, from first: Int, to emulator: RunningEmulator) {
        for version in first..<first + count {
            let result = try? emulator.awsDynamoDB([
                "put-item", "--table-name", "probe-events",
                "--item", #"{"pk": {"S": "same"}, "version": {"N": "\#(version)"}}"#,
            ])
            #expect(result?.status == 0, "\(result?.stderr ?? "")")
        }
    }

    /// The stream's shards as the AWS CLI pages them, two at a time (`--limit 2`, then `--exclusive-start-shard-id`
    /// with each `LastEvaluatedShardId`: the CLI has no paginator for DescribeStream).
    static func shards(of arn: String, on emulator: RunningEmulator) throws -> [[String: Any]] {
        var shards: [[String: Any]] = []
        var start: String?
        repeat {
            let page = try emulator.awsStreams(
                ["describe-stream", "--stream-arn", arn, "--limit", "2"]
                    + (start.map { ["--exclusive-start-shard-id", $0] } ?? []))
            #expect(page.status == 0, "\(page.stderr)")
            let description = try #require(try jsonObject(page.stdout)["StreamDescription"] as? [String: Any])
            let listed = description["Shards"] as? [[String: Any]] ?? []
            #expect(listed.count <= 2)
            shards += listed
            start = description["LastEvaluatedShardId"] as? String
        } while start != nil
        return shards
    }

    static func streamARN(on emulator: RunningEmulator) throws -> String {
        let describe = try emulator.awsDynamoDB(["describe-table", "--table-name", "probe-events"])
        #expect(describe.status == 0, "\(describe.stderr)")
        let table = try #require(try jsonObject(describe.stdout)["Table"] as? [String: Any])
        return try #require(table["LatestStreamArn"] as? String)
    }

    /// Whether `numbers` are strictly increasing as integers.
    static func increasing(_ numbers: [String]) -> Bool {
        zip(numbers, numbers.dropFirst()).allSatisfy { ($0.count, $0) < ($1.count, $1) }
    }

    @Test("--stream-shard-records 5: 24 writes reach the function once each and in order across shards and a restart")
    func localLineage() throws {
        let directory = try TemporaryDirectory()
        let log = directory.path + "/probe.log"
        let arguments = ["--stream-shard-records", "5", "--parameter-overrides", "ProbeLogPath=\(log)"]
        var written = 0
        var arn = ""
        for run in 0..<2 {
            let emulator = try RunningEmulator(
                template: StreamTriggerEndToEndTests.template, stateDirectory: directory.path + "/state",
                extraArguments: arguments)
            arn = try Self.streamARN(on: emulator)
            Self.write(12, from: written, to: emulator)
            written += 12
            #expect(
                StreamTriggerEndToEndTests.eventually { Self.delivered(log).count >= written },
                "run \(run): \(Self.delivered(log).count) of \(written) delivered\n\(emulator.log)")
            usleep(500_000)  // a repeated delivery would arrive now
            if run == 1 {
                let shards = try Self.shards(of: arn, on: emulator)
                #expect(shards.count == 5, "24 records in shards of 5: four closed, one open with 4")
                let ids = shards.compactMap { $0["ShardId"] as? String }
                #expect(shards.first?["ParentShardId"] == nil)
                for index in 1..<shards.count { #expect(shards[index]["ParentShardId"] as? String == ids[index - 1]) }
                let ranges = shards.map { $0["SequenceNumberRange"] as? [String: String] ?? [:] }
                #expect(ranges.dropLast().allSatisfy { $0["EndingSequenceNumber"] != nil })
                #expect(ranges.last?["EndingSequenceNumber"] == nil)
            }
            #expect(emulator.interrupt() == 0)
        }
        let numbers = Self.delivered(log)
        #expect(numbers.count == written, "every record exactly once")
        #expect(Set(numbers).count == numbers.count, "a record was delivered twice")
        #expect(Self.increasing(numbers), "in sequence-number order across the shard boundaries: \(numbers)")
    }

    @Test("a mapping on another emulator's rolling stream (--streams-endpoint) follows its shards in order")
    func remoteLineage() throws {
        let directory = try TemporaryDirectory()
        let remote = try RunningEmulator(
            template: StreamTriggerEndToEndTests.template, stateDirectory: directory.path + "/remote",
            extraArguments: ["--stream-shard-records", "3"])
        let arn = try Self.streamARN(on: remote)
        Self.write(7, from: 0, to: remote)
        let log = directory.path + "/probe.log"
        let emulator = try RunningEmulator(
            template: RemoteStreamEndToEndTests.template, stateDirectory: directory.path + "/state",
            extraArguments: [
                "--streams-endpoint", remote.dynamoDBEndpoint, "--parameter-overrides", "RemoteStreamArn=\(arn)",
                "--parameter-overrides", "ProbeLogPath=\(log)",
            ])
        #expect(
            StreamTriggerEndToEndTests.eventually(20) { Self.delivered(log).count >= 7 },
            "\(Self.delivered(log).count) of 7 delivered\n\(emulator.log)")
        Self.write(6, from: 7, to: remote)
        #expect(
            StreamTriggerEndToEndTests.eventually(20) { Self.delivered(log).count >= 13 },
            "\(Self.delivered(log).count) of 13 delivered\n\(emulator.log)")
        usleep(500_000)
        let numbers = Self.delivered(log)
        #expect(try Self.shards(of: arn, on: remote).count == 5, "13 records in shards of 3")
        #expect(numbers.count == 13 && Set(numbers).count == 13, "\(numbers)")
        #expect(Self.increasing(numbers), "\(numbers)")
        #expect(emulator.interrupt() == 0)
        #expect(remote.interrupt() == 0)
    }
}
