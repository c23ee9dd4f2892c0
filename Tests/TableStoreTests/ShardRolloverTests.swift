import DynamoDBTypes
import Synchronization
import Testing

@testable import TableStore

/// Shard rollover (`start --stream-shard-records N`, issue 12 item 4) and the Streams API per shard.
struct ShardRolloverTests {
    /// A store whose shards roll over every `records` records, with a `things` table streaming KEYS_ONLY and `puts`
    /// items written to it; returns the store and the stream's ARN.
    static func store(rollingEvery records: Int?, puts: Int) async throws -> (TableStore, String) {
        let clock = ManualClock()
        var configuration = TableStore.Configuration(
            region: "ca-central-1", accountID: "123456789012", now: { clock.now })
        configuration.streamShardRecords = records
        let store = try TableStore(inMemory: configuration)
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        for index in 0..<puts { try await store.put("things", ["pk": .s("a"), "sk": .s("\(index)")]) }
        return (store, arn)
    }

    static func number(_ counter: Int64) -> String { StreamSequence.number(counter).description }

    static func shards(_ store: TableStore, _ arn: String) async throws -> [ShardDescription] {
        try #require(try await store.describeStream(DescribeStreamInput(streamArn: arn)).streamDescription?.shards)
    }

    /// The records GetRecords returns from `type` on `shard`, and whether it gave a next iterator.
    static func read(
        _ store: TableStore, _ arn: String, shard: String, _ type: ShardIteratorType, at sequence: String? = nil
    ) async throws -> (records: [String], next: Bool) {
        let iterator = try #require(
            try await store.getShardIterator(
                GetShardIteratorInput(streamArn: arn, shardId: shard, shardIteratorType: type, sequenceNumber: sequence)
            ).shardIterator)
        let output = try await store.getRecords(GetRecordsInput(shardIterator: iterator))
        return ((output.records ?? []).map(\.dynamodb.sequenceNumber), output.nextShardIterator != nil)
    }

    @Test("every N records the open shard closes and a child opens; ranges cover the records in order")
    func rollsOver() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 5, puts: 23)
        let shards = try await Self.shards(store, arn)
        #expect(shards.count == 5)
        #expect(shards.compactMap(\.shardId) == shards.compactMap(\.shardId).sorted(), "oldest first")
        #expect(shards[0].parentShardId == nil)
        for index in 1..<shards.count { #expect(shards[index].parentShardId == shards[index - 1].shardId) }
        for index in 0..<4 {
            #expect(
                shards[index].sequenceNumberRange
                    == SequenceNumberRange(
                        startingSequenceNumber: Self.number(Int64(index * 5 + 1)),
                        endingSequenceNumber: Self.number(Int64(index * 5 + 5))))
        }
        #expect(
            shards[4].sequenceNumberRange
                == SequenceNumberRange(startingSequenceNumber: Self.number(21), endingSequenceNumber: nil))
    }

    @Test("without the option a stream keeps one open shard")
    func offByDefault() async throws {
        let (store, arn) = try await Self.store(rollingEvery: nil, puts: 23)
        let shards = try await Self.shards(store, arn)
        #expect(shards.count == 1)
        #expect(shards[0].sequenceNumberRange?.endingSequenceNumber == nil)
    }

    @Test("iterators are per shard: TRIM_HORIZON is its first record, a closed shard's end gives no next iterator")
    func perShardIterators() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 5, puts: 12)
        let ids = try await Self.shards(store, arn).compactMap(\.shardId)
        #expect(ids.count == 3)
        let second = try await Self.read(store, arn, shard: ids[1], .trimHorizon)
        #expect(second.records == (6...10).map { Self.number($0) })
        #expect(second.next == false, "a closed shard read to its end has no NextShardIterator")
        #expect(try await Self.read(store, arn, shard: ids[1], .latest) == ([], false), "LATEST of a closed shard: its end")
        #expect(
            try await Self.read(store, arn, shard: ids[1], .atSequenceNumber, at: Self.number(8)).records
                == (8...10).map { Self.number($0) })
        #expect(
            try await Self.read(store, arn, shard: ids[1], .afterSequenceNumber, at: Self.number(10)) == ([], false))
        let open = try await Self.read(store, arn, shard: ids[2], .trimHorizon)
        #expect(open.records == [Self.number(11), Self.number(12)])
        #expect(open.next, "an open shard always has a next iterator")
        #expect(try await Self.read(store, arn, shard: ids[0], .trimHorizon).records == (1...5).map { Self.number($0) })
    }

    @Test("a sequence number outside the shard is a ValidationException; an unknown shard ResourceNotFoundException")
    func outsideShard() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 5, puts: 12)
        let ids = try await Self.shards(store, arn).compactMap(\.shardId)
        for counter: Int64 in [5, 11] {
            let error = await dynamoError {
                _ = try await Self.read(store, arn, shard: ids[1], .atSequenceNumber, at: Self.number(counter))
            }
            #expect(error?.code == .validation)
            #expect(error?.message.contains("not in the range of shard \(ids[1])") == true)
        }
        let unknown = await dynamoError {
            _ = try await Self.read(store, arn, shard: "shardId-00000001679328538250-00000000", .trimHorizon)
        }
        #expect(unknown?.code == .resourceNotFound)
    }

    @Test("DescribeStream pages by Limit and ExclusiveStartShardId with LastEvaluatedShardId")
    func pagination() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 2, puts: 9)
        let all = try await Self.shards(store, arn)
        #expect(all.count == 5)
        var pages: [[ShardDescription]] = []
        var start: String?
        repeat {
            let page = try #require(
                try await store.describeStream(
                    DescribeStreamInput(streamArn: arn, limit: 2, exclusiveStartShardId: start)
                ).streamDescription)
            pages.append(page.shards ?? [])
            start = page.lastEvaluatedShardId
        } while start != nil
        #expect(pages.map(\.count) == [2, 2, 1])
        #expect(pages.flatMap { $0 } == all)
        for limit in [0, 101] {
            let error = await dynamoError {
                _ = try await store.describeStream(DescribeStreamInput(streamArn: arn, limit: limit))
            }
            #expect(error?.code == .validation)
        }
    }

    @Test("deleting the table closes the open shard: a reader of it finds it read to its end", .timeLimit(.minutes(1)))
    func deleteClosesOpenShard() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 5, puts: 7)
        let ids = try await Self.shards(store, arn).compactMap(\.shardId)
        #expect(try await store.waitForRecords(streamArn: arn, shardID: ids[0], after: Self.number(5)))
        #expect(try await store.isReadToEnd(streamArn: arn, shardID: ids[1], after: Self.number(7)) == false)
        _ = try await store.deleteTable(DeleteTableInput(tableName: "things"))
        #expect(try await store.isReadToEnd(streamArn: arn, shardID: ids[1], after: Self.number(7)))
        let shards = try await Self.shards(store, arn)
        #expect(shards.last?.sequenceNumberRange?.endingSequenceNumber == Self.number(7))
        #expect(try await store.readRecords(streamArn: arn, shardID: ids[1], after: nil).count == 2)
    }

    @Test("a reader of an empty child shard waits for its first record instead of returning at once", .timeLimit(.minutes(1)))
    func emptyChildWaits() async throws {
        let (store, arn) = try await Self.store(rollingEvery: 5, puts: 5)
        let child = try #require(try await Self.shards(store, arn).last?.shardId)
        let woken = Mutex(false)
        let waiting = Task {
            let ended = try await store.waitForRecords(streamArn: arn, shardID: child, after: nil)
            woken.withLock { $0 = true }
            return ended
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(woken.withLock { $0 } == false, "the parent's records are not the child's")
        try await store.put("things", ["pk": .s("b"), "sk": .s("x")])
        #expect(try await waiting.value == false)
        #expect(try await store.readRecords(streamArn: arn, shardID: child, after: nil).count == 1)
    }
}
