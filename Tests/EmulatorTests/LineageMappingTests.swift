import DynamoDBTypes
import EventSourceMapping
import Foundation
import Synchronization
import TableStore
import Testing

@testable import StreamTriggers

/// A mapping over the embedded store's stream whose shards roll over (issue 12 item 4): it crosses shard boundaries
/// in order, records finished shards durably, and resumes after a restart with nothing repeated or skipped.
struct LineageMappingTests {
    /// Records the sequence counters of every invocation's records, in order, and each tumbling-window invocation's
    /// `shardId` with whether it was final; every invocation succeeds.
    final class RecordingInvoker: BatchInvoker {
        let seen = Mutex<[Int]>([])
        let windows = Mutex<[(shardID: String, counters: [Int], final: Bool)]>([])

        func invoke(payload: [UInt8]) async -> InvocationOutcome {
            let event = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]
            let records = event?["Records"] as? [[String: Any]] ?? []
            let counters = records.compactMap { record in
                ((record["dynamodb"] as? [String: Any])?["SequenceNumber"] as? String).flatMap { Int($0.dropFirst()) }
            }
            seen.withLock { $0 += counters }
            if let shardID = event?["shardId"] as? String {
                let final = event?["isFinalInvokeForWindow"] as? Bool ?? false
                windows.withLock { $0.append((shardID, counters, final)) }
            }
            return .completed(requestID: UUID().uuidString, payload: Array(#"{"state":{}}"#.utf8), functionError: nil)
        }

        var counters: [Int] { seen.withLock { $0 } }
    }

    struct Setup {
        let store: TableStore
        let arn: String
        let checkpoints: CheckpointDatabase
        let directory: String

        init(rollingEvery records: Int) async throws {
            var configuration = TableStore.Configuration()
            configuration.streamShardRecords = records
            store = try TableStore(inMemory: configuration)
            let table = CreateTableInput(
                attributeDefinitions: [AttributeDefinition(attributeName: "pk", attributeType: .s)], tableName: "events",
                keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)], billingMode: .payPerRequest,
                streamSpecification: StreamSpecification(streamEnabled: true, streamViewType: .keysOnly))
            arn = try #require(try await store.createTable(table).tableDescription?.latestStreamArn)
            directory = NSTemporaryDirectory() + "lineage-\(UUID().uuidString)"
            checkpoints = try CheckpointDatabase(directory: directory)
        }

        func put(_ count: Int, from first: Int) async throws {
            for index in first..<first + count {
                _ = try await store.putItem(PutItemInput(tableName: "events", item: ["pk": .s("k\(index % 2)"), "n": .n("\(index)")]))
            }
        }

        func mapping(_ invoker: RecordingInvoker, start: MappingSettings.StartingPosition, window: Int = 0)
            -> LineageMapping
        {
            let stream = DescribedStream.local(store: store, streamARN: arn)
            let environment = MappingEnvironment(
                source: stream.source(shardID: "unused"), invoker: invoker, checkpoints: checkpoints, destination: nil)
            var settings = MappingSettings(startingPosition: start, batchSize: 2)
            settings.tumblingWindowInSeconds = window
            return LineageMapping(
                identity: MappingIdentity(uuid: "mapping-1", name: "Worker.Stream", functionARN: "arn:fn"),
                settings: settings, partitionKey: "pk",
                environment: environment, stream: stream, progress: checkpoints)
        }

        /// Whether the lane of the stream's newest shard has checkpointed sequence counter `counter`.
        func checkpointed(_ counter: Int) async throws -> Bool {
            let shard = try await store.shardID(streamArn: arn)
            let lane = ShardKey(mappingUUID: "mapping-1", streamARN: arn, shardID: shard).lane(0)
            return try await checkpoints.checkpoint(for: lane)?.position == SequenceNumber(shard: 1, counter: UInt64(counter))
        }

        /// Runs `mapping` until `done` holds, then stops it.
        func run(_ mapping: LineageMapping, until done: @escaping @Sendable () async throws -> Bool) async throws {
            let task = Task { try await mapping.run() }
            defer { task.cancel() }
            let deadline = ContinuousClock.now + .seconds(20)
            while try await !done(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            task.cancel()
            _ = try? await task.value
        }
    }

    @Test("TRIM_HORIZON: every record once and in order across shard boundaries and a restart", .timeLimit(.minutes(1)))
    func crossesBoundariesInOrder() async throws {
        let setup = try await Setup(rollingEvery: 3)
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        try await setup.put(7, from: 1)
        let first = RecordingInvoker()
        // Stopped once record 7 is checkpointed (stopped earlier, its batch would be delivered again: at least once).
        try await setup.run(setup.mapping(first, start: .trimHorizon)) { try await setup.checkpointed(7) }
        #expect(first.counters == Array(1...7))
        let finished = try await setup.checkpoints.finishedShards(mappingUUID: "mapping-1", streamARN: setup.arn)
        let shards = try #require(
            try await setup.store.describeStream(DescribeStreamInput(streamArn: setup.arn)).streamDescription?.shards)
        #expect(finished == Set(shards.prefix(2).compactMap(\.shardId)), "the two closed shards are finished")

        try await setup.put(5, from: 8)
        let second = RecordingInvoker()
        try await setup.run(setup.mapping(second, start: .trimHorizon)) { second.counters.count >= 5 }
        #expect(second.counters == Array(8...12), "the restart re-reads no finished shard and skips no child")
    }

    @Test("LATEST: the closed shards are skipped for good and only new records are read", .timeLimit(.minutes(1)))
    func latestSkipsClosedShards() async throws {
        let setup = try await Setup(rollingEvery: 3)
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        try await setup.put(5, from: 1)
        let invoker = RecordingInvoker()
        let checkpoints = setup.checkpoints
        let arn = setup.arn
        let mapping = setup.mapping(invoker, start: .latest)
        let task = Task { try await mapping.run() }
        defer { task.cancel() }
        while try await checkpoints.startedShards(mappingUUID: "mapping-1", streamARN: arn).isEmpty {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await setup.put(3, from: 6)
        while invoker.counters.count < 3 { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        _ = try? await task.value
        #expect(invoker.counters == [6, 7, 8])
        #expect(try await checkpoints.finishedShards(mappingUUID: "mapping-1", streamARN: arn).count == 2)
    }

    @Test("a tumbling window ends with its shard: a final invocation there, then the child's own windows", .timeLimit(.minutes(1)))
    func windowsEndWithTheirShard() async throws {
        let setup = try await Setup(rollingEvery: 3)
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        try await setup.put(5, from: 1)
        let invoker = RecordingInvoker()
        try await setup.run(setup.mapping(invoker, start: .trimHorizon, window: 900)) { invoker.counters.count >= 5 }
        let shards = try #require(
            try await setup.store.describeStream(DescribeStreamInput(streamArn: setup.arn)).streamDescription?.shards)
        let ids = shards.compactMap(\.shardId)
        let windows = invoker.windows.withLock { $0 }
        #expect(windows.filter { $0.shardID == ids[0] }.flatMap(\.counters) == [1, 2, 3])
        #expect(windows.filter { $0.shardID == ids[0] }.last?.final == true, "the first shard's window closed with it")
        #expect(windows.filter { $0.shardID == ids[1] }.flatMap(\.counters) == [4, 5])
        #expect(windows.filter { $0.shardID == ids[1] }.contains { $0.final } == false, "the open shard's window stays open")
    }
}
