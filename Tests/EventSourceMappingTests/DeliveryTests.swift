import DynamoDBTypes
import EventSourceMapping
import Testing

/// Healthy functions: batching, start positions, checkpoints and restarts (streams-and-triggers.md §3.2, §3.3).
struct DeliveryTests {
    @Test("a backlog of 250 records goes out as BatchSize batches of 100, 100 and 50, checkpointed after each")
    func batchSizeSplitsBacklog() async throws {
        let harness = Harness(Fixture.records(1...250))
        let lane = try await harness.drain(MappingSettings(startingPosition: .trimHorizon))

        #expect(harness.invoker.calls == [Array(1...100), Array(101...200), Array(201...250)])
        #expect(harness.checkpoints.history() == [0, 100, 200, 250])
        let statistics = lane.statistics
        #expect(statistics.batches == 3)
        #expect(statistics.invocations == 3)
        #expect(statistics.retries == 0)
        #expect(statistics.recordsSucceeded == 250)
        #expect(statistics.recordsFiltered == 0)
        #expect(statistics.recordsDiscarded == 0)
        #expect(statistics.lastProcessingResult == "OK")
        #expect(statistics.lastBatchAt == Fixture.now)
        #expect(statistics.checkpoint == Fixture.sequence(250))
        #expect(harness.reports.map(\.size) == [100, 100, 50])
        #expect(harness.reports.map(\.result) == [.succeeded, .succeeded, .succeeded])
        #expect(harness.reports.map(\.attempt) == [1, 1, 1])
        #expect(harness.reports.map(\.firstSequenceNumber) == [1, 101, 201].map(Fixture.sequence))
        #expect(harness.reports.map(\.lastSequenceNumber) == [100, 200, 250].map(Fixture.sequence))
        #expect(harness.destination.records.isEmpty)
    }

    @Test(
        "BatchSize caps every invocation",
        arguments: [
            (5, 2, [2, 2, 1]), (1, 1, [1]), (10, 10, [10]), (3, 10_000, [3]), (7, 3, [3, 3, 1]),
        ])
    func batchSizes(records: Int, batchSize: Int, sizes: [Int]) async throws {
        let harness = Harness(Fixture.records(1...records))
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, batchSize: batchSize))
        #expect(harness.invoker.calls.map(\.count) == sizes)
        #expect(harness.invoker.calls.flatMap { $0 } == Array(1...records))
        #expect(harness.checkpoints.stored() == records)
    }

    @Test("the function receives {\"Records\":[…]} in AWS's field order with eventSourceARN filled in")
    func payloadText() async throws {
        let harness = Harness([Fixture.record(1)])
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon))
        let expected =
            #"{"Records":[{"eventID":"00000000000000000000000000000001","eventName":"INSERT","eventVersion":"1.1","#
            + #""eventSource":"aws:dynamodb","awsRegion":"ca-central-1","dynamodb":{"ApproximateCreationDateTime":1679328538,"#
            + #""Keys":{"pk":{"S":"MSG#1"}},"NewImage":{"message":{"S":"Hello!"},"pk":{"S":"MSG#1"}},"#
            + #""SequenceNumber":"100000000000000000001","SizeBytes":27,"StreamViewType":"NEW_IMAGE"},"#
            + #""eventSourceARN":"\#(Fixture.streamARN)"}]}"#
        #expect(harness.invoker.payloads == [expected])
    }

    @Test("TRIM_HORIZON stores the beginning at once and delivers the whole shard")
    func trimHorizon() async throws {
        let harness = Harness(Fixture.records(1...3))
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon))
        #expect(harness.checkpoints.history() == [0, 3])
        #expect(harness.invoker.calls == [[1, 2, 3]])
    }

    @Test("LATEST stores the newest sequence number at once, so records written before a restart are not skipped")
    func latestIsStoredAtOnce() async throws {
        let harness = Harness(Fixture.records(1...3))
        let settings = MappingSettings(startingPosition: .latest)
        try await harness.drain(settings)
        #expect(harness.invoker.calls.isEmpty)
        #expect(harness.checkpoints.history() == [3])

        harness.source.append(Fixture.records(4...5))
        let restarted = Harness(source: harness.source)
        try await restarted.lane(settings, checkpoints: harness.checkpoints).run(untilDrained: true)
        #expect(restarted.invoker.calls == [[4, 5]])
        #expect(harness.checkpoints.history() == [3, 5])
    }

    @Test("LATEST on an empty shard starts at its beginning")
    func latestOnEmptyShard() async throws {
        let harness = Harness()
        let settings = MappingSettings(startingPosition: .latest)
        try await harness.drain(settings)
        #expect(harness.checkpoints.history() == [0])

        harness.source.append(Fixture.records(1...2))
        try await harness.drain(settings)
        #expect(harness.invoker.calls == [[1, 2]])
    }

    @Test("a second lane on the same checkpoint store redelivers nothing already processed")
    func restartResumes() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, batchSize: 2)
        let first = Harness(Fixture.records(1...4))
        try await first.drain(settings)
        #expect(first.invoker.calls == [[1, 2], [3, 4]])

        first.source.append(Fixture.records(5...6))
        let second = Harness(source: first.source)
        try await second.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(second.invoker.calls == [[5, 6]])

        let third = Harness(source: first.source)
        try await third.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(third.invoker.calls.isEmpty)
        #expect(first.checkpoints.history() == [0, 2, 4, 6])
    }

    @Test(
        "a batch interrupted while it is being retried is delivered again after a restart; nothing is skipped",
        .timeLimit(.minutes(1)))
    func interruptedRetryIsRedelivered() async throws {
        let settings = MappingSettings(startingPosition: .trimHorizon, batchSize: 2)
        let first = Harness(Fixture.records(1...5)) { _, counters in counters.contains(3) ? .fail() : .success }
        let lane = first.lane(settings)
        let task = Task { try await lane.run(untilDrained: true) }
        await first.invoker.callCount.wait(for: 4)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }

        let calls = first.invoker.calls
        #expect(calls.count >= 4)
        #expect(calls.prefix(2) == [[1, 2], [3, 4]])
        #expect(calls.dropFirst().allSatisfy { $0 == [3, 4] })
        #expect(first.checkpoints.stored() == 2)
        #expect(first.destination.records.isEmpty)

        let second = Harness(source: first.source)
        try await second.lane(settings, checkpoints: first.checkpoints).run(untilDrained: true)
        #expect(second.invoker.calls == [[3, 4], [5]])
        #expect(first.checkpoints.stored() == 5)
    }

    @Test("filtered records advance the checkpoint without reaching the function")
    func filteredRecordsAdvance() async throws {
        let harness = Harness(Fixture.records(1...6))
        let filter = PredicateFilter { ["MSG#2", "MSG#5"].contains($0.dynamodb.keys["pk"]) }
        let lane = try await harness.drain(MappingSettings(startingPosition: .trimHorizon, filter: filter))
        #expect(harness.invoker.calls == [[2, 5]])
        #expect(harness.checkpoints.stored() == 6)
        #expect(lane.statistics.recordsFiltered == 4)
        #expect(lane.statistics.recordsSucceeded == 2)
        #expect(lane.statistics.batches == 1)
    }

    @Test("when no record matches the filter the function is not invoked and the checkpoint moves past them all")
    func nothingMatches() async throws {
        let harness = Harness(Fixture.records(1...6))
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, filter: PredicateFilter { _ in false }))
        #expect(harness.invoker.calls.isEmpty)
        #expect(harness.checkpoints.history() == [0, 6])
        #expect(lane.statistics.recordsFiltered == 6)
        #expect(lane.statistics.batches == 0)
        #expect(lane.statistics.invocations == 0)
        #expect(lane.statistics.lastProcessingResult == "No records processed")
        #expect(harness.reports.isEmpty)
    }

    @Test("a disabled mapping does not run and keeps its checkpoint")
    func disabledMapping() async throws {
        let harness = Harness(Fixture.records(1...2))
        let mapping = StreamMapping(
            identity: Fixture.identity, settings: MappingSettings(startingPosition: .trimHorizon, enabled: false),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)
        #expect(harness.invoker.calls.isEmpty)
        #expect(harness.checkpoints.stored() == nil)
    }
}

extension Array where Element == String {
    /// Whether `value` is a string attribute holding one of these texts.
    fileprivate func contains(_ value: AttributeValue?) -> Bool {
        contains { value == .s($0) }
    }
}
