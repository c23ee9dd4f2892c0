import DynamoDBTypes
import EventSourceMapping
import Testing

/// Issue 12 item 1: positions carry over when `ParallelizationFactor`, `BatchSize` or filters change.
struct LaneLayoutTests {
    static func position(_ counter: Int) -> SequenceNumber { SequenceNumber(shard: 1, counter: UInt64(counter)) }

    /// A mapping of `factor` lanes over `harness`'s source and function, keeping checkpoints in `store`.
    static func mapping(
        _ harness: Harness, factor: Int, store: RecordingCheckpointStore, start: MappingSettings.StartingPosition = .latest
    ) -> StreamMapping {
        StreamMapping(
            identity: Fixture.identity,
            settings: MappingSettings(startingPosition: start, batchSize: 4, parallelizationFactor: factor),
            partitionKey: "pk", environment: harness.environment(checkpoints: store))
    }

    static var shard: ShardKey {
        ShardKey(mappingUUID: Fixture.identity.uuid, streamARN: Fixture.streamARN, shardID: Fixture.shardID)
    }

    @Test("no checkpoints: the layout is stored and the lanes start at StartingPosition")
    func fresh() {
        let change = LayoutChange.resuming(stored: nil, checkpoints: [:], laneCount: 3, batchSize: 10)
        #expect(change.layout == LaneLayout(laneCount: 3, batchSize: 10))
        #expect(change.checkpoints.isEmpty)
        #expect(change.changesStore)
        #expect(!LayoutChange.resuming(stored: change.layout, checkpoints: [:], laneCount: 3, batchSize: 10).changesStore)
    }

    @Test("a changed BatchSize keeps every lane's own checkpoint")
    func batchSizeChange() {
        let stored = LaneLayout(laneCount: 2, batchSize: 10)
        let checkpoints: [Int: Checkpoint] = [0: .after(Self.position(5)), 1: .after(Self.position(9))]
        let change = LayoutChange.resuming(stored: stored, checkpoints: checkpoints, laneCount: 2, batchSize: 100)
        #expect(change.checkpoints.isEmpty)
        #expect(change.layout == LaneLayout(laneCount: 2, batchSize: 100))
        #expect(change.changesStore)
    }

    @Test("a changed factor starts every new lane at the lowest old position and remembers the old lanes")
    func factorChange() {
        let stored = LaneLayout(laneCount: 3, batchSize: 10)
        let old: [Int: Checkpoint] = [0: .after(Self.position(30)), 1: .after(Self.position(25)), 2: .after(Self.position(40))]
        let change = LayoutChange.resuming(stored: stored, checkpoints: old, laneCount: 1, batchSize: 10)
        #expect(change.checkpoints == [0: .after(Self.position(25))])
        #expect(
            change.layout.earlier == [
                EarlierLanes(laneCount: 3, positions: [Self.position(30), Self.position(25), Self.position(40)])
            ])
    }

    @Test("checkpoints saved before layouts were stored: the old factor is the highest lane plus one")
    func legacyCheckpoints() {
        let old: [Int: Checkpoint] = [0: .after(Self.position(7)), 1: .beginning]
        let change = LayoutChange.resuming(stored: nil, checkpoints: old, laneCount: 1, batchSize: 10)
        #expect(change.checkpoints == [0: .beginning])
        #expect(change.layout.earlier == [EarlierLanes(laneCount: 2, positions: [Self.position(7), nil])])
    }

    @Test("an earlier layout every lane has passed is dropped")
    func pruning() {
        let earlier = EarlierLanes(laneCount: 3, positions: [Self.position(4), Self.position(8), nil])
        let stored = LaneLayout(laneCount: 1, batchSize: 10, earlier: [earlier])
        let behind = LayoutChange.resuming(
            stored: stored, checkpoints: [0: .after(Self.position(6))], laneCount: 1, batchSize: 10)
        #expect(behind.layout.earlier == [earlier])
        let past = LayoutChange.resuming(
            stored: stored, checkpoints: [0: .after(Self.position(8))], laneCount: 1, batchSize: 10)
        #expect(past.layout.earlier.isEmpty)
        #expect(past.checkpoints.isEmpty)
    }

    @Test("a factor change from 1 to 3 and back loses and replays nothing that was done", .timeLimit(.minutes(1)))
    func oneToThreeAndBack() async throws {
        let records = ParallelizationTests.records(60, keys: 7)
        let source = MemorySource(Array(records[0..<20]))
        let store = RecordingCheckpointStore()
        let first = Harness(source: source)
        try await Self.mapping(first, factor: 1, store: store, start: .trimHorizon).run(untilDrained: true)
        #expect(first.invoker.calls.flatMap { $0 }.sorted() == Array(1...20))

        // Factor 3 on the same checkpoints: under LATEST a lane without a checkpoint would skip 21…40.
        source.append(Array(records[20..<40]))
        let second = Harness(source: source)
        try await Self.mapping(second, factor: 3, store: store).run(untilDrained: true)
        #expect(second.invoker.calls.flatMap { $0 }.sorted() == Array(21...40))

        // Lanes stopped at different places (as when the emulator stops with lanes at 30, 25 and 40 of their keys):
        // back to factor 1, only what no lane finished is delivered, in order per key.
        source.append(Array(records[40..<60]))
        let stops = [30, 25, 40]
        let done = Set((21...40).filter { stops[ParallelizationTests.lane(owning: records[$0 - 1], of: 3)] >= $0 })
        for lane in 0..<3 {
            try await store.save(.after(Self.position(stops[lane])), for: Self.shard.lane(lane))
        }
        let third = Harness(source: source)
        try await Self.mapping(third, factor: 1, store: store).run(untilDrained: true)
        let delivered = third.invoker.calls.flatMap { $0 }
        #expect(delivered == (26...60).filter { !done.contains($0) })
        #expect(Set(delivered).isDisjoint(with: done))
        #expect(store.stored(lane: 0) == 60)
        #expect(store.stored(lane: 1) == nil)
    }
}
