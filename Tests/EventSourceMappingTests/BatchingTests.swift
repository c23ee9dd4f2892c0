import DynamoDBTypes
import EventSourceMapping
import Testing

/// How batches are formed: the batching window and the 6 MB payload limit (streams-and-triggers.md §3.1).
struct BatchingTests {
    @Test("records appended within MaximumBatchingWindowInSeconds go out in one batch", .timeLimit(.minutes(1)))
    func batchingWindow() async throws {
        let harness = Harness()
        let lane = harness.lane(
            MappingSettings(startingPosition: .trimHorizon, batchSize: 10, maximumBatchingWindow: .seconds(2)))
        let task = Task { try await lane.run() }
        let waits = harness.source.waits

        await waits.wait(for: 1)  // the lane waits on the empty shard
        harness.source.append([Fixture.record(1)])
        await waits.wait(for: 2)  // it read record 1 and waits for more within the window
        harness.source.append([Fixture.record(2)])
        await waits.wait(for: 3)
        harness.source.append([Fixture.record(3)])
        await harness.invoker.callCount.wait(for: 1)
        #expect(harness.invoker.calls == [[1, 2, 3]])

        harness.source.append([Fixture.record(4)])
        await harness.invoker.callCount.wait(for: 2)
        #expect(harness.invoker.calls == [[1, 2, 3], [4]])
        task.cancel()
        _ = await task.result
        #expect(harness.checkpoints.stored() == 4)
    }

    @Test("a batch that reaches BatchSize is invoked without waiting out the window", .timeLimit(.minutes(1)))
    func fullBatchEndsWindow() async throws {
        let harness = Harness([Fixture.record(1)])
        let lane = harness.lane(
            MappingSettings(startingPosition: .trimHorizon, batchSize: 3, maximumBatchingWindow: .seconds(300)))
        let started = ContinuousClock.now
        let task = Task { try await lane.run() }
        await harness.source.waits.wait(for: 1)
        harness.source.append(Fixture.records(2...3))
        await harness.invoker.callCount.wait(for: 1)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(harness.invoker.calls == [[1, 2, 3]])
        task.cancel()
        _ = await task.result
    }

    static func encodedSize(_ record: StreamRecord) throws -> Int {
        var record = record
        record.eventSourceARN = Fixture.streamARN
        return try OrderedJSONEncoder().encode(record).count
    }

    /// Records 1 and 2 are about 2 MB; record 3 is sized so that [1, 2, 3] is exactly 6 MB (`extra` 0) or a byte
    /// more (`extra` 1); record 4 is small.
    @Test(
        "the 6 MB invocation payload limit splits a backlog of big records", .timeLimit(.minutes(1)),
        arguments: [(0, [[1, 2, 3], [4]]), (1, [[1, 2], [3, 4]])])
    func payloadLimit(extra: Int, calls: [[Int]]) async throws {
        let limit = MappingSettings.maximumPayloadBytes
        let big = String(repeating: "x", count: 2_000_000)
        let first = Fixture.record(1, message: big)
        let second = Fixture.record(2, message: big)
        // `{"Records":[` + r1 + `,` + r2 + `,` + r3 + `]}`
        let room = limit - 16 - (try Self.encodedSize(first)) - (try Self.encodedSize(second))
        let probe = try Self.encodedSize(Fixture.record(3, message: big))
        let third = Fixture.record(3, message: String(repeating: "x", count: 2_000_000 + room - probe + extra))
        #expect(try Self.encodedSize(third) == room + extra)

        let harness = Harness([first, second, third, Fixture.record(4)])
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon))
        #expect(harness.invoker.calls == calls)
        #expect(harness.invoker.payloadSizes.allSatisfy { $0 <= limit })
        if extra == 0 { #expect(harness.invoker.payloadSizes.first == limit) }
        #expect(harness.checkpoints.history() == [0, calls[0].last!, 4])
    }

    @Test(
        "the batching window ends once the gathered records fill the 6 MB payload",
        .timeLimit(.minutes(1)))
    func payloadLimitEndsWindow() async throws {
        let big = String(repeating: "x", count: 2_500_000)
        let harness = Harness((1...3).map { Fixture.record($0, message: big) })
        let lane = harness.lane(
            MappingSettings(startingPosition: .trimHorizon, batchSize: 100, maximumBatchingWindow: .seconds(300)))
        let task = Task { try await lane.run() }
        // The window is AWS's longest (300 s), longer than the test's time limit: the invocation comes only
        // because the payload is full.
        await harness.invoker.callCount.wait(for: 1)
        #expect(harness.invoker.calls == [[1, 2]])
        task.cancel()
        _ = await task.result
    }
}
