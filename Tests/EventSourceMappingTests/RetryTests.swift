import DynamoDBTypes
import EventSourceMapping
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Failing functions: retries, discards, bisection and throttles (streams-and-triggers.md §3.1, §3.3).
struct RetryTests {
    @Test("a record whose event alone is over 6 MB goes to the failure destination without an invocation")
    func recordTooLargeToInvoke() async throws {
        let huge = String(repeating: "x", count: MappingSettings.maximumPayloadBytes)
        let harness = Harness([Fixture.record(1), Fixture.record(2, message: huge), Fixture.record(3)])
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, batchSize: 10))

        #expect(harness.invoker.calls == [[1], [3]])
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(failure.requestContext.condition == .retryAttemptsExhausted)
        #expect(failure.requestContext.approximateInvokeCount == 0)
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(2))
        #expect(harness.checkpoints.history().last == 3)
    }

    @Test(
        "MaximumRetryAttempts counts retries after the first invocation, then the batch is discarded",
        .timeLimit(.minutes(1)), arguments: [(0, 1), (1, 2), (2, 3), (3, 4)])
    func retryAttempts(maximumRetryAttempts: Int, invocations: Int) async throws {
        let harness = Harness([Fixture.record(1)]) { _, _ in .fail() }
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: maximumRetryAttempts))

        #expect(harness.invoker.calls == Array(repeating: [1], count: invocations))
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(
            failure.requestContext
                == .init(
                    requestId: "req-\(invocations)", functionArn: Fixture.functionARN,
                    condition: .retryAttemptsExhausted, approximateInvokeCount: invocations))
        #expect(
            failure.responseContext == .init(statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled"))
        #expect(harness.checkpoints.history() == [0, 1])
        let statistics = lane.statistics
        #expect(statistics.invocations == invocations)
        #expect(statistics.retries == invocations - 1)
        #expect(statistics.recordsDiscarded == 1)
        #expect(statistics.recordsSucceeded == 0)
        #expect(statistics.lastProcessingResult == "PROBLEM: Function call failed")
        #expect(
            harness.reports.map(\.result)
                == Array(repeating: .functionError("Unhandled"), count: invocations)
                + [.discarded(.retryAttemptsExhausted, destination: harness.destination.name)])
        #expect(harness.reports.map(\.attempt) == Array(1...invocations) + [invocations])
    }

    @Test(
        "a poison record under MaximumRetryAttempts 2 is invoked exactly 3 times, discarded, and later records flow",
        .timeLimit(.minutes(1)))
    func poisonRecord() async throws {
        let harness = Harness(Fixture.records(1...4)) { _, counters in counters.contains(2) ? .fail() : .success }
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, batchSize: 1, maximumRetryAttempts: 2))

        #expect(harness.invoker.calls == [[1], [2], [2], [2], [3], [4]])
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(failure.requestContext.condition == .retryAttemptsExhausted)
        #expect(failure.requestContext.approximateInvokeCount == 3)
        #expect(failure.requestContext.requestId == "req-4")
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(2))
        #expect(failure.batchInfo.endSequenceNumber == Fixture.sequence(2))
        #expect(failure.batchInfo.batchSize == 1)
        #expect(failure.payload?.records.map(\.dynamodb.sequenceNumber) == [Fixture.sequence(2)])
        #expect(harness.checkpoints.history() == [0, 1, 2, 3, 4])
        let statistics = lane.statistics
        #expect(statistics.batches == 4)
        #expect(statistics.invocations == 6)
        #expect(statistics.retries == 2)
        #expect(statistics.recordsSucceeded == 3)
        #expect(statistics.recordsDiscarded == 1)
        #expect(statistics.lastProcessingResult == "OK")
    }

    @Test("on a live shard, records written while a poison record is retried flow once it is discarded",
        .timeLimit(.minutes(1)))
    func poisonRecordLive() async throws {
        let harness = Harness(Fixture.records(1...2)) { _, counters in counters.contains(2) ? .fail() : .success }
        let lane = harness.lane(MappingSettings(startingPosition: .trimHorizon, batchSize: 1, maximumRetryAttempts: 2))
        let task = Task { try await lane.run() }
        await harness.invoker.callCount.wait(for: 2)
        harness.source.append(Fixture.records(3...4))
        await harness.invoker.callCount.wait(for: 6)
        task.cancel()
        _ = await task.result
        #expect(harness.invoker.calls == [[1], [2], [2], [2], [3], [4]])
        #expect(harness.destination.records.map(\.requestContext.approximateInvokeCount) == [3])
        #expect(harness.checkpoints.stored() == 4)
    }

    @Test(
        "without bisection or partial responses the whole batch holding a poison record is discarded",
        .timeLimit(.minutes(1)))
    func wholeBatchDiscarded() async throws {
        let harness = Harness(Fixture.records(1...3)) { _, counters in counters.contains(2) ? .fail() : .success }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 1))
        #expect(harness.invoker.calls == [[1, 2, 3], [1, 2, 3]])
        let failure = try #require(harness.destination.records.first)
        #expect(failure.batchInfo.batchSize == 3)
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(1))
        #expect(failure.batchInfo.endSequenceNumber == Fixture.sequence(3))
        #expect(harness.checkpoints.history() == [0, 3])
    }

    /// [a, poison, c] fails; it is split in [a] and [poison, c], [poison, c] in [poison] and [c]; only [poison]
    /// (one record, nothing left to split) spends retries. Splitting spends none, so even MaximumRetryAttempts 0
    /// isolates the poison record.
    @Test(
        "BisectBatchOnFunctionError splits failed batches without spending retries", .timeLimit(.minutes(1)),
        arguments: [
            (0, [[1, 2, 3], [1], [2, 3], [2], [3]], 3),
            (1, [[1, 2, 3], [1], [2, 3], [2], [2], [3]], 4),
            (2, [[1, 2, 3], [1], [2, 3], [2], [2], [2], [3]], 5),
        ])
    func bisection(maximumRetryAttempts: Int, calls: [[Int]], invokeCount: Int) async throws {
        let harness = Harness(Fixture.records(1...3)) { _, counters in counters.contains(2) ? .fail() : .success }
        let lane = try await harness.drain(
            MappingSettings(
                startingPosition: .trimHorizon, maximumRetryAttempts: maximumRetryAttempts,
                bisectBatchOnFunctionError: true))

        #expect(harness.invoker.calls == calls)
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(2))
        #expect(failure.batchInfo.batchSize == 1)
        // Every invocation that carried the poison record counts: [a, p, c], [p, c] and each [p].
        #expect(failure.requestContext.approximateInvokeCount == invokeCount)
        #expect(harness.checkpoints.history() == [0, 1, 2, 3])
        #expect(lane.statistics.invocations == calls.count)
        #expect(lane.statistics.retries == calls.count - 1)
        #expect(lane.statistics.recordsSucceeded == 2)
        #expect(lane.statistics.recordsDiscarded == 1)
        #expect(lane.statistics.batches == 1)
    }

    @Test("bisection halves an even batch down to the poison record", .timeLimit(.minutes(1)))
    func bisectionOfFour() async throws {
        let harness = Harness(Fixture.records(1...4)) { _, counters in counters.contains(3) ? .fail() : .success }
        try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 0, bisectBatchOnFunctionError: true))
        #expect(harness.invoker.calls == [[1, 2, 3, 4], [1, 2], [3, 4], [3], [4]])
        #expect(harness.destination.records.map(\.batchInfo.startSequenceNumber) == [Fixture.sequence(3)])
    }

    @Test("throttles are retried without counting against MaximumRetryAttempts", .timeLimit(.minutes(1)))
    func throttlesDoNotCount() async throws {
        let harness = Harness([Fixture.record(1)]) { call, _ in call <= 3 ? .throttle : .success }
        let lane = try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 0))
        #expect(harness.invoker.calls == [[1], [1], [1], [1]])
        #expect(harness.destination.records.isEmpty)
        #expect(
            harness.reports.map(\.result)
                == Array(repeating: .notInvoked("TooManyRequestsException"), count: 3) + [.succeeded])
        #expect(harness.reports.map(\.attempt) == [1, 2, 3, 4])
        #expect(lane.statistics.invocations == 1)
        #expect(lane.statistics.recordsSucceeded == 1)
        #expect(harness.checkpoints.stored() == 1)
    }

    @Test("after throttles, MaximumRetryAttempts 0 still allows exactly one real invocation", .timeLimit(.minutes(1)))
    func throttlesThenFailure() async throws {
        let harness = Harness([Fixture.record(1)]) { call, _ in call <= 2 ? .throttle : .fail() }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 0))
        #expect(harness.invoker.calls == [[1], [1], [1]])
        let failure = try #require(harness.destination.records.first)
        #expect(failure.requestContext.approximateInvokeCount == 1)
        #expect(failure.requestContext.requestId == "req-3")
        #expect(failure.responseContext.functionError == "Unhandled")
    }

    @Test("records older than MaximumRecordAgeInSeconds are discarded (RecordAgeExceeded) without an invocation")
    func recordAge() async throws {
        let records = [
            Fixture.record(1, created: Fixture.now - 100), Fixture.record(2, created: Fixture.now - 61),
            Fixture.record(3, created: Fixture.now - 10),
        ]
        let harness = Harness(records)
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRecordAgeInSeconds: 60))

        #expect(harness.invoker.calls == [[3]])
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(failure.requestContext.condition == .recordAgeExceeded)
        #expect(failure.requestContext.approximateInvokeCount == 0)
        #expect(failure.requestContext.functionArn == Fixture.functionARN)
        #expect(failure.responseContext == .init(statusCode: nil, executedVersion: nil, functionError: nil))
        #expect(failure.batchInfo.batchSize == 2)
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(1))
        #expect(failure.batchInfo.endSequenceNumber == Fixture.sequence(2))
        #expect(harness.checkpoints.history() == [0, 2, 3])
        #expect(lane.statistics.recordsDiscarded == 2)
        #expect(lane.statistics.recordsSucceeded == 1)
        #expect(
            harness.reports.map(\.result)
                == [.discarded(.recordAgeExceeded, destination: harness.destination.name), .succeeded])
    }

    @Test("MaximumRecordAgeInSeconds -1 means the stream's 24-hour retention")
    func defaultRecordAge() async throws {
        let records = [
            Fixture.record(1, created: Fixture.now - 25 * 3600), Fixture.record(2, created: Fixture.now - 23 * 3600),
        ]
        let harness = Harness(records)
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon))
        #expect(harness.invoker.calls == [[2]])
        #expect(harness.destination.records.map(\.requestContext.condition) == [.recordAgeExceeded])
    }

    @Test("a replay that does not enforce record age delivers old records")
    func ageNotEnforced() async throws {
        let harness = Harness([Fixture.record(1, created: Fixture.now - 30 * 24 * 3600)])
        let lane = ShardLane(
            identity: Fixture.identity, settings: MappingSettings(startingPosition: .trimHorizon),
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: nil),
            environment: harness.environment(enforcesRecordAge: false))
        try await lane.run(untilDrained: true)
        #expect(harness.invoker.calls == [[1]])
        #expect(harness.destination.records.isEmpty)
    }

    @Test(
        "under MaximumRetryAttempts -1 a failing batch is retried until its records are too old",
        .timeLimit(.minutes(1)))
    func retriedUntilExpiry() async throws {
        let clock = TestClock()
        let harness = Harness([Fixture.record(1, created: Fixture.now)], clock: clock) { _, _ in
            clock.advance(seconds: 40)
            return .fail()
        }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRecordAgeInSeconds: 60))
        #expect(harness.invoker.calls == [[1], [1]])
        let failure = try #require(harness.destination.records.first)
        #expect(failure.requestContext.condition == .recordAgeExceeded)
        #expect(failure.requestContext.approximateInvokeCount == 2)
        #expect(failure.requestContext.requestId == "req-2")
        #expect(failure.responseContext.functionError == "Unhandled")
        #expect(harness.checkpoints.stored() == 1)
    }

    @Test(
        "a batch that is never invoked because of throttles is discarded once its records are too old",
        .timeLimit(.minutes(1)))
    func throttledUntilExpiry() async throws {
        let clock = TestClock()
        let harness = Harness([Fixture.record(1, created: Fixture.now)], clock: clock) { _, _ in
            clock.advance(seconds: 40)
            return .throttle
        }
        try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 0, maximumRecordAgeInSeconds: 60))
        #expect(harness.invoker.calls == [[1], [1]])
        let failure = try #require(harness.destination.records.first)
        #expect(failure.requestContext.condition == .recordAgeExceeded)
        #expect(failure.requestContext.approximateInvokeCount == 0)
        #expect(failure.responseContext == .init(statusCode: 429, executedVersion: nil, functionError: nil))
    }

    @Test(
        "without an on-failure destination discarded records are dropped and reported as such",
        .timeLimit(.minutes(1)))
    func noDestination() async throws {
        let harness = Harness(Fixture.records(1...2)) { _, counters in counters == [1] ? .fail() : .success }
        let lane = ShardLane(
            identity: Fixture.identity,
            settings: MappingSettings(startingPosition: .trimHorizon, batchSize: 1, maximumRetryAttempts: 0),
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: "pk"),
            environment: harness.environment(destination: false))
        try await lane.run(untilDrained: true)
        #expect(harness.invoker.calls == [[1], [2]])
        #expect(
            harness.reports.map(\.result)
                == [.functionError("Unhandled"), .discarded(.retryAttemptsExhausted, destination: nil), .succeeded])
        #expect(lane.statistics.recordsDiscarded == 1)
        #expect(harness.checkpoints.stored() == 2)
    }

    @Test(
        "the first invocation of a batch whose oldest records expired is not counted as a retry")
    func expiredPrefixIsNoRetry() async throws {
        let harness = Harness([Fixture.record(1, created: Fixture.now - 120), Fixture.record(2)])
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRecordAgeInSeconds: 60))
        #expect(harness.invoker.calls == [[2]])
        #expect(lane.statistics.invocations == 1)
        #expect(lane.statistics.retries == 0)
    }
}
