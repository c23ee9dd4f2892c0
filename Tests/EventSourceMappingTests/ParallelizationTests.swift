import DynamoDBTypes
import EventSourceMapping
import Testing

/// `ParallelizationFactor` (streams-and-triggers.md §3.7): lanes per shard, ordered per partition key.
struct ParallelizationTests {
    /// Records 1…n spread over `keys` partition keys, `MSG#<counter % keys>`.
    static func records(_ count: Int, keys: Int) -> [StreamRecord] {
        (1...count).map { Fixture.record($0, key: "MSG#\($0 % keys)") }
    }

    static func lane(owning record: StreamRecord, of laneCount: Int) -> Int {
        (0..<laneCount).first { LaneSelector(lane: $0, laneCount: laneCount, partitionKey: "pk").owns(record) } ?? -1
    }

    @Test(
        "ParallelizationFactor 3 delivers every record exactly once and in order per partition key",
        .timeLimit(.minutes(1)))
    func everyRecordOnceInKeyOrder() async throws {
        let records = Self.records(60, keys: 12)
        let harness = Harness(records)
        let mapping = StreamMapping(
            identity: Fixture.identity,
            settings: MappingSettings(startingPosition: .trimHorizon, batchSize: 4, parallelizationFactor: 3),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)

        let calls = harness.invoker.calls
        #expect(calls.flatMap { $0 }.sorted() == Array(1...60))
        for key in 0..<12 {
            let delivered = calls.flatMap { $0 }.filter { $0 % 12 == key }
            #expect(delivered == Array(stride(from: key == 0 ? 12 : key, through: 60, by: 12)), "key MSG#\(key)")
        }
        // Each invocation carries the records of one lane only.
        for call in calls {
            let lanes = Set(call.map { Self.lane(owning: records[$0 - 1], of: 3) })
            #expect(lanes.count == 1, "call \(call)")
        }
        let perLane = (0..<3).map { lane in records.filter { Self.lane(owning: $0, of: 3) == lane }.count }
        #expect(perLane.allSatisfy { $0 > 0 }, "the 12 keys spread over every lane: \(perLane)")
        #expect(mapping.lanes.map(\.statistics.recordsSucceeded) == perLane)
        #expect((0..<3).map { harness.checkpoints.stored(lane: $0) } == [60, 60, 60])
        #expect(mapping.statistics.recordsSucceeded == 60)
        #expect(mapping.statistics.invocations == calls.count)
        #expect(Set(harness.reports.map(\.laneCount)) == [3])
    }

    @Test("a lane blocked by a failing batch does not hold back the other lanes", .timeLimit(.minutes(1)))
    func lanesRunConcurrently() async throws {
        let records = Self.records(24, keys: 6)
        let blockedLane = Self.lane(owning: records[0], of: 3)
        let others = records.filter { Self.lane(owning: $0, of: 3) != blockedLane }.count
        let delivered = Counter()
        let harness = Harness(records) { _, counters in
            if counters.contains(1) {
                // Answers only once every other lane has delivered all its records: lanes run side by side.
                await delivered.wait(for: others)
                return .fail()
            }
            for _ in counters { delivered.increment() }
            return .success
        }
        let mapping = StreamMapping(
            identity: Fixture.identity,
            settings: MappingSettings(
                startingPosition: .trimHorizon, batchSize: 2, maximumRetryAttempts: 0, parallelizationFactor: 3),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)

        #expect(delivered.value == records.count - harness.destination.records[0].batchInfo.batchSize)
        #expect(harness.destination.records.map(\.batchInfo.startSequenceNumber) == [Fixture.sequence(1)])
        #expect(
            mapping.lanes[blockedLane].statistics.recordsDiscarded == harness.destination.records[0].batchInfo.batchSize
        )
    }

    @Test("lanes split records by the partition key only, so a key's records share a lane whatever the sort key")
    func partitionKeyOnly() {
        let selector = (0..<4).map { LaneSelector(lane: $0, laneCount: 4, partitionKey: "pk") }
        for key in 0..<20 {
            var first = Fixture.record(1, key: "GRP#\(key)")
            first.dynamodb.keys["sk"] = .s("2023-03-20T16:01:02")
            var second = Fixture.record(2, key: "GRP#\(key)")
            second.dynamodb.keys["sk"] = .s("2024-01-01T00:00:00")
            let owners = selector.filter { $0.owns(first) }.map(\.lane)
            #expect(owners.count == 1)
            #expect(selector.filter { $0.owns(second) }.map(\.lane) == owners)
        }
    }

    /// Worked out independently: FNV-1a 64 over `pk`, `S`, `MSG#<n>`, modulo 3 (MSG#0 hashes to 0x9d81c349f656d301).
    @Test("a partition key's lane is FNV-1a of its name, type and value, so it is the same in every process")
    func stableLanes() {
        let lanes = (0...5).map { Self.lane(owning: Fixture.record($0, key: "MSG#\($0)"), of: 3) }
        #expect(lanes == [0, 2, 1, 0, 1, 0])
    }

    @Test(
        "with ParallelizationFactor each lane's batches still fill up to BatchSize")
    func lanesFillBatches() async throws {
        let records = Self.records(60, keys: 12)
        let harness = Harness(records)
        let mapping = StreamMapping(
            identity: Fixture.identity,
            settings: MappingSettings(startingPosition: .trimHorizon, batchSize: 10, parallelizationFactor: 3),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)
        let perLane = (0..<3).map { lane in records.filter { Self.lane(owning: $0, of: 3) == lane }.count }
        let expected = perLane.map { ($0 + 9) / 10 }
        #expect(mapping.lanes.map(\.statistics.invocations) == expected, "records per lane: \(perLane)")
    }
}
