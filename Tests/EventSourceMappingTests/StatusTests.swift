import DynamoDBTypes
import EventSourceMapping
import Testing

/// What `lambda-local status` shows for a mapping.
struct StatusTests {
    @Test("status reports the backlog behind the checkpoint, its oldest record's age and the statistics")
    func status() async throws {
        let harness = Harness(Fixture.records(1...3)) { _, counters in counters == [2] ? .fail() : .success }
        let mapping = StreamMapping(
            identity: Fixture.identity,
            settings: MappingSettings(startingPosition: .trimHorizon, batchSize: 1, maximumRetryAttempts: 1),
            partitionKey: "pk", environment: harness.environment())
        try await mapping.run(untilDrained: true)
        harness.source.append(Fixture.records(4...5))

        let status = await mapping.status()
        #expect(status.uuid == Fixture.identity.uuid)
        #expect(status.name == "MessagingStream.Stream")
        #expect(status.functionARN == Fixture.functionARN)
        #expect(status.eventSourceARN == Fixture.streamARN)
        #expect(status.state == "Enabled")
        #expect(status.startingPosition == "TRIM_HORIZON")
        #expect(status.batchSize == 1)
        #expect(status.parallelizationFactor == 1)
        #expect(status.lastProcessingResult == "OK")
        #expect(status.recordsBehind == 2)
        #expect(status.oldestRecordAgeSeconds == 32)
        #expect(status.invocations == 4)
        #expect(status.retries == 1)
        #expect(status.batches == 3)
        #expect(status.recordsSucceeded == 2)
        #expect(status.recordsFiltered == 0)
        #expect(status.failures == 1)
        #expect(status.onFailureDestination == harness.destination.name)
        #expect(status.lastBatchAt == Fixture.now)
    }
}
