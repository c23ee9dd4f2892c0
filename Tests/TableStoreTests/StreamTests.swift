import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct StreamTests {
    /// Runs insert, modify, no-op put, no-op update, remove and a delete of a missing item; returns the records.
    func lifecycle(_ viewType: StreamViewType) async throws -> [StreamRecord] {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        let created = try await store.createTable(simpleTable(stream: viewType))
        let arn = try #require(created.tableDescription?.latestStreamArn)
        let key: Item = ["pk": .s("a"), "sk": .s("1")]
        try await store.put("things", key.merging(["v": .n("1")]) { a, _ in a })
        clock.advance(by: 1)
        try await store.put("things", key.merging(["v": .n("2"), "tags": .ss(["x", "y"])]) { a, _ in a })
        // No-ops: the same data in another spelling and order, and an update that sets the same value.
        try await store.put("things", key.merging(["v": .n("2.0"), "tags": .ss(["y", "x"])]) { a, _ in a })
        _ = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: key, updateExpression: "SET v = :v",
                expressionAttributeValues: [":v": .n("2")]))
        _ = try await store.deleteItem(DeleteItemInput(tableName: "things", key: key))
        _ = try await store.deleteItem(DeleteItemInput(tableName: "things", key: key))
        return try await store.readRecords(streamArn: arn, after: nil)
    }

    @Test("records carry AWS's constant fields, increasing 21-digit sequence numbers and whole-second times")
    func recordFields() async throws {
        let records = try await lifecycle(.newAndOldImages)
        #expect(records.map(\.eventName) == [.insert, .modify, .remove])
        for record in records {
            #expect(record.eventID.count == 32 && record.eventID.allSatisfy(\.isHexDigit))
            #expect(record.eventVersion == "1.1")
            #expect(record.eventSource == "aws:dynamodb")
            #expect(record.awsRegion == "ca-central-1")
            #expect(record.dynamodb.sequenceNumber.count >= 21)
            #expect(record.dynamodb.keys == ["pk": .s("a"), "sk": .s("1")])
            #expect(
                record.eventSourceARN?.hasPrefix("arn:aws:dynamodb:ca-central-1:123456789012:table/things/stream/")
                    == true)
        }
        let sequences = try records.map { try SequenceNumber($0.dynamodb.sequenceNumber) }
        #expect(sequences == sequences.sorted() && Set(sequences).count == 3)
        #expect(records[0].dynamodb.approximateCreationDateTime == Date(timeIntervalSince1970: 1_679_328_538))
        #expect(records[1].dynamodb.approximateCreationDateTime == Date(timeIntervalSince1970: 1_679_328_539))
        #expect(records[1].dynamodb.oldImage == ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        #expect(records[1].dynamodb.newImage == ["pk": .s("a"), "sk": .s("1"), "v": .n("2"), "tags": .ss(["x", "y"])])
        // Keys: "pk"+"a" + "sk"+"1" = 6; old image: keys + "v"+N(1) (2 bytes) = 9; new image: 9 + "tags"+{x,y} = 15.
        #expect(records[1].dynamodb.sizeBytes == 6 + 9 + 15)
    }

    @Test(
        "images follow the view type",
        arguments: [
            (StreamViewType.keysOnly, [false, false, false], [false, false, false]),
            (.newImage, [true, true, false], [false, false, false]),
            (.oldImage, [false, false, false], [false, true, true]),
            (.newAndOldImages, [true, true, false], [false, true, true]),
        ])
    func viewTypes(viewType: StreamViewType, newImages: [Bool], oldImages: [Bool]) async throws {
        let records = try await lifecycle(viewType)
        #expect(records.map { $0.dynamodb.newImage != nil } == newImages)
        #expect(records.map { $0.dynamodb.oldImage != nil } == oldImages)
        #expect(records.allSatisfy { $0.dynamodb.streamViewType == viewType })
    }

    @Test("GetShardIterator and GetRecords page through the shard and follow new records")
    func iterators() async throws {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        for index in 0..<3 { try await store.put("things", ["pk": .s("a"), "sk": .s("\(index)")]) }
        let listed = try await store.listStreams(ListStreamsInput(tableName: "things"))
        #expect(listed.streams?.map(\.streamArn) == [arn])
        let stream = try #require(try await store.describeStream(DescribeStreamInput(streamArn: arn)).streamDescription)
        #expect(stream.streamStatus == .enabled)
        #expect(stream.keySchema?.map(\.attributeName) == ["pk", "sk"])
        let shard = try #require(stream.shards?.first?.shardId)
        #expect(shard.hasPrefix("shardId-00000001679328538250-"))
        let start = try await store.getShardIterator(
            GetShardIteratorInput(streamArn: arn, shardId: shard, shardIteratorType: .trimHorizon))
        let iterator = try #require(start.shardIterator)
        #expect(iterator.hasPrefix(arn + "|1|"))
        let first = try await store.getRecords(GetRecordsInput(shardIterator: iterator, limit: 2))
        #expect(first.records?.map { $0.dynamodb.keys["sk"] } == [.s("0"), .s("1")])
        #expect(first.records?.allSatisfy { $0.eventSourceARN == nil } == true)
        let second = try await store.getRecords(GetRecordsInput(shardIterator: try #require(first.nextShardIterator)))
        #expect(second.records?.map { $0.dynamodb.keys["sk"] } == [.s("2")])
        let latest = try await store.getShardIterator(
            GetShardIteratorInput(streamArn: arn, shardId: shard, shardIteratorType: .latest))
        try await store.put("things", ["pk": .s("a"), "sk": .s("3")])
        let after = try await store.getRecords(GetRecordsInput(shardIterator: try #require(latest.shardIterator)))
        #expect(after.records?.map { $0.dynamodb.keys["sk"] } == [.s("3")])
        let atSecond = try await store.getShardIterator(
            GetShardIteratorInput(
                streamArn: arn, shardId: shard, shardIteratorType: .atSequenceNumber,
                sequenceNumber: first.records?.last?.dynamodb.sequenceNumber))
        let fromSecond = try await store.getRecords(
            GetRecordsInput(shardIterator: try #require(atSecond.shardIterator)))
        #expect(fromSecond.records?.map { $0.dynamodb.keys["sk"] } == [.s("1"), .s("2"), .s("3")])
        clock.advance(by: 15 * 60 + 1)
        let error = await dynamoError { _ = try await store.getRecords(GetRecordsInput(shardIterator: iterator)) }
        #expect(error?.code == .expiredIterator)
    }

    @Test("records older than 24 hours are no longer returned")
    func retention() async throws {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("old"), "sk": .s("1")])
        clock.advance(by: 23 * 3600)
        try await store.put("things", ["pk": .s("new"), "sk": .s("1")])
        clock.advance(by: 3600 + 1)
        let records = try await store.readRecords(streamArn: arn, after: nil)
        #expect(records.map { $0.dynamodb.keys["pk"] } == [.s("new")])
    }

    @Test("re-enabling a stream creates a new label and ARN; the old stream is disabled and closed")
    func reenable() async throws {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        let first = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1")])
        _ = try await store.updateTable(
            UpdateTableInput(tableName: "things", streamSpecification: StreamSpecification(streamEnabled: false)))
        try await store.put("things", ["pk": .s("b"), "sk": .s("1")])
        clock.advance(by: 2)
        let updated = try await store.updateTable(
            UpdateTableInput(
                tableName: "things",
                streamSpecification: StreamSpecification(streamEnabled: true, streamViewType: .newImage)))
        let second = try #require(updated.tableDescription?.latestStreamArn)
        #expect(second != first)
        #expect(updated.tableDescription?.latestStreamLabel == "2023-03-20T16:09:00.250")
        let old = try await store.describeStream(DescribeStreamInput(streamArn: first))
        #expect(old.streamDescription?.streamStatus == .disabled)
        #expect(old.streamDescription?.shards?.first?.sequenceNumberRange?.endingSequenceNumber != nil)
        #expect(try await store.readRecords(streamArn: first, after: nil).count == 1)
        // The closed shard drains: its last page has no NextShardIterator.
        let shard = try #require(old.streamDescription?.shards?.first?.shardId)
        let iterator = try await store.getShardIterator(
            GetShardIteratorInput(streamArn: first, shardId: shard, shardIteratorType: .trimHorizon))
        let drained = try await store.getRecords(GetRecordsInput(shardIterator: try #require(iterator.shardIterator)))
        #expect(drained.records?.count == 1)
        #expect(drained.nextShardIterator == nil)
        try await store.put("things", ["pk": .s("c"), "sk": .s("1")])
        #expect(try await store.readRecords(streamArn: second, after: nil).map { $0.dynamodb.keys["pk"] } == [.s("c")])
    }

    @Test("a waiter resumes when a record is committed, without polling", .timeLimit(.minutes(1)))
    func waiter() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1")])
        let existing = try await store.readRecords(streamArn: arn, after: nil)
        // Already satisfied: returns at once.
        try await store.waitForRecords(streamArn: arn, after: nil)
        let last = try #require(existing.last?.dynamodb.sequenceNumber)
        let waiting = Task { try await store.waitForRecords(streamArn: arn, after: last) }
        try await Task.sleep(for: .milliseconds(50))
        try await store.put("things", ["pk": .s("b"), "sk": .s("1")])
        _ = try await waiting.value
        let next = try await store.readRecords(streamArn: arn, after: last)
        #expect(next.map { $0.dynamodb.keys["pk"] } == [.s("b")])
        // A cancelled waiter returns too.
        let cancelled = Task {
            try await store.waitForRecords(streamArn: arn, after: next.last?.dynamodb.sequenceNumber)
        }
        cancelled.cancel()
        _ = try await cancelled.value
    }
}
