import DynamoDBTypes
import EventSourceMapping
import Testing

/// At-least-once delivery across restarts: whatever was in flight comes again, nothing done does, nothing is skipped.
struct RestartTests {
    /// Runs `lane` until the function has been called `calls` times, then cancels it as a stopped emulator would.
    static func interrupt(_ lane: ShardLane, of harness: Harness, after calls: Int) async {
        let task = Task { try await lane.run(untilDrained: true) }
        await harness.invoker.callCount.wait(for: calls)
        task.cancel()
        _ = await task.result
    }

    @Test(
        "a partial-batch checkpoint survives a restart: delivery resumes at the lowest reported record",
        .timeLimit(.minutes(1)))
    func partialCheckpointSurvives() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true)
        let first = Harness(Fixture.records(1...5)) { call, _ in
            call == 1 ? .respond(BatchItemFailuresTests.failures(3)) : .fail()
        }
        await Self.interrupt(first.lane(settings), of: first, after: 3)
        #expect(first.invoker.calls.prefix(3) == [[1, 2, 3, 4, 5], [3, 4, 5], [3, 4, 5]])
        #expect(first.checkpoints.stored() == 2)

        let second = Harness(source: first.source)
        try await second.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(second.invoker.calls == [[3, 4, 5]])
    }

    @Test("a restart during bisection resumes after the halves already done", .timeLimit(.minutes(1)))
    func bisectionSurvives() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, bisectBatchOnFunctionError: true)
        let first = Harness(Fixture.records(1...3)) { _, counters in counters.contains(2) ? .fail() : .success }
        await Self.interrupt(first.lane(settings), of: first, after: 5)
        #expect(first.invoker.calls.prefix(5) == [[1, 2, 3], [1], [2, 3], [2], [2]])
        #expect(first.checkpoints.stored() == 1)

        let second = Harness(source: first.source)
        try await second.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(second.invoker.calls == [[2, 3]])
    }

    @Test(
        "when the failure destination fails, the checkpoint stays before the batch and it is retried after a restart",
        .timeLimit(.minutes(1)))
    func destinationFailure() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, batchSize: 1, maximumRetryAttempts: 0)
        let first = Harness(Fixture.records(1...2)) { _, counters in counters == [2] ? .fail() : .success }
        let lane = ShardLane(
            identity: Fixture.identity, settings: settings,
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: "pk"),
            environment: MappingEnvironment(
                source: first.source, invoker: first.invoker, checkpoints: first.checkpoints,
                destination: UnreachableDestination(), retryPolicy: Fixture.quickRetries, now: { Fixture.now }))
        await #expect(throws: UnreachableDestination.Failure.self) { try await lane.run(untilDrained: true) }
        #expect(first.invoker.calls == [[1], [2]])
        #expect(first.checkpoints.stored() == 1)

        let second = Harness(source: first.source)
        try await second.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(second.invoker.calls == [[2]])
        #expect(first.checkpoints.stored() == 2)
    }

    @Test("every lane of a parallel mapping resumes at its own checkpoint", .timeLimit(.minutes(1)))
    func parallelResume() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, batchSize: 5, parallelizationFactor: 3)
        let first = Harness(ParallelizationTests.records(30, keys: 9))
        try await StreamMapping(
            identity: Fixture.identity, settings: settings, partitionKey: "pk",
            environment: first.environment()
        ).run(untilDrained: true)
        #expect(first.invoker.calls.flatMap { $0 }.sorted() == Array(1...30))

        first.source.append((31...45).map { Fixture.record($0, key: "MSG#\($0 % 9)") })
        let second = Harness(source: first.source)
        try await StreamMapping(
            identity: Fixture.identity, settings: settings, partitionKey: "pk",
            environment: second.environment(checkpoints: first.checkpoints)
        ).run(untilDrained: true)
        #expect(second.invoker.calls.flatMap { $0 }.sorted() == Array(31...45))
        #expect((0..<3).map { first.checkpoints.stored(lane: $0) } == [45, 45, 45])
    }

    @Test("LATEST starts every lane of a parallel mapping after the same record")
    func parallelLatest() async throws {
        let harness = Harness(Fixture.records(1...6))
        let mapping = StreamMapping(
            identity: Fixture.identity, settings: MappingSettings(startingPosition: .latest, parallelizationFactor: 3),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)
        #expect(harness.invoker.calls.isEmpty)
        #expect((0..<3).map { harness.checkpoints.history(lane: $0) } == [[6], [6], [6]])
    }
}

/// A failure destination that cannot store anything.
struct UnreachableDestination: FailureDestination {
    struct Failure: Error {}

    let name = "unreachable"

    func deliver(_ record: OnFailureRecord) async throws {
        throw Failure()
    }
}
