import DynamoDBTypes
import EventSourceMapping
import Testing

/// `FunctionResponseTypes: [ReportBatchItemFailures]` (streams-and-triggers.md §3.4).
struct BatchItemFailuresTests {
    static func failures(_ counters: Int...) -> String {
        let items = counters.map { #"{"itemIdentifier":"\#(Fixture.sequence($0))"}"# }
        return #"{"batchItemFailures":[\#(items.joined(separator: ","))]}"#
    }

    @Test(
        "the lowest reported sequence number becomes the checkpoint and records from it are retried",
        .timeLimit(.minutes(1)))
    func lowestReported() async throws {
        let harness = Harness(Fixture.records(1...5)) { call, _ in
            call == 1 ? .respond(Self.failures(4, 3)) : .success
        }
        let lane = try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true))

        #expect(harness.invoker.calls == [[1, 2, 3, 4, 5], [3, 4, 5]])
        #expect(harness.checkpoints.history() == [0, 2, 5])
        #expect(
            harness.reports.map(\.result) == [
                .partialFailure(retryFrom: Fixture.sequence(3), remaining: 3), .succeeded,
            ])
        #expect(harness.reports.map(\.attempt) == [1, 2])
        #expect(lane.statistics.invocations == 2)
        #expect(lane.statistics.retries == 1)
        #expect(lane.statistics.recordsSucceeded == 5)
        #expect(harness.destination.records.isEmpty)
    }

    @Test(
        "partial retries count against MaximumRetryAttempts; the record is discarded with functionError null",
        .timeLimit(.minutes(1)))
    func partialRetriesCount() async throws {
        let harness = Harness(Fixture.records(1...3)) { _, counters in
            counters.contains(3) ? .respond(Self.failures(3)) : .success
        }
        try await harness.drain(
            MappingSettings(
                startingPosition: .trimHorizon, batchSize: 3, maximumRetryAttempts: 3, reportBatchItemFailures: true))

        #expect(harness.invoker.calls == [[1, 2, 3], [3], [3], [3]])
        let failure = try #require(harness.destination.records.first)
        #expect(harness.destination.records.count == 1)
        #expect(failure.requestContext.condition == .retryAttemptsExhausted)
        #expect(failure.requestContext.approximateInvokeCount == 4)
        #expect(failure.responseContext == .init(statusCode: 200, executedVersion: "$LATEST", functionError: nil))
        #expect(failure.batchInfo.batchSize == 1)
        #expect(failure.batchInfo.startSequenceNumber == Fixture.sequence(3))
        #expect(failure.batchInfo.endSequenceNumber == Fixture.sequence(3))
        #expect(harness.checkpoints.history() == [0, 2, 3])
    }

    @Test("without ReportBatchItemFailures a returned batchItemFailures is ignored")
    func ignoredWhenOff() async throws {
        let harness = Harness(Fixture.records(1...3)) { _, _ in .respond(Self.failures(2)) }
        let lane = try await harness.drain(MappingSettings(startingPosition: .trimHorizon))
        #expect(harness.invoker.calls == [[1, 2, 3]])
        #expect(harness.checkpoints.history() == [0, 3])
        #expect(lane.statistics.recordsSucceeded == 3)
        #expect(harness.reports.map(\.result) == [.succeeded])
    }

    @Test(
        "every success form completes the batch",
        arguments: [
            "[]", "null", "{}", #"{"batchItemFailures":[]}"#, #"{"batchItemFailures":null}"#, "", " \n ", #""""#,
            #"{"statusCode":200}"#,
        ])
    func successForms(body: String) async throws {
        let harness = Harness(Fixture.records(1...3)) { _, _ in .respond(body) }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true))
        #expect(harness.invoker.calls == [[1, 2, 3]])
        #expect(harness.reports.map(\.result) == [.succeeded])
        #expect(harness.checkpoints.stored() == 3)
    }

    static let notAList = #"batchItemFailures is not a list of {"itemIdentifier": "<SequenceNumber>"}"#

    @Test(
        "every malformed report fails the whole batch, which is retried whole", .timeLimit(.minutes(1)),
        arguments: [
            (
                #"{"batchItemFailures":[{"itemIdentifier":""}]}"#,
                #"itemIdentifier "" is not a SequenceNumber of the batch"#
            ),
            (#"{"batchItemFailures":[{"itemIdentifier":null}]}"#, notAList),
            (#"{"batchItemFailures":[{"itemIdentifier":123}]}"#, notAList),
            (
                #"{"batchItemFailures":[{"itemIdentifier":"100000000000000000099"}]}"#,
                #"itemIdentifier "100000000000000000099" is not a SequenceNumber of the batch"#
            ),
            (
                #"{"batchItemFailures":[{"itemIdentifier":"100000000000000000002"},{"itemIdentifier":"7"}]}"#,
                #"itemIdentifier "7" is not a SequenceNumber of the batch"#
            ),
            (#"{"batchItemFailures":[{"foo":"100000000000000000002"}]}"#, notAList),
            (#"{"batchItemFailures":"100000000000000000002"}"#, notAList),
            (#"{"batchItemFailures":["#, notAList),
            ("not json", "the response is not JSON"),
        ])
    func failureForms(body: String, why: String) async throws {
        let harness = Harness(Fixture.records(1...3)) { call, _ in call == 1 ? .respond(body) : .success }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true))
        #expect(harness.invoker.calls == [[1, 2, 3], [1, 2, 3]])
        #expect(harness.reports.map(\.result) == [.invalidResponse(why), .succeeded])
        #expect(harness.checkpoints.history() == [0, 3])
    }

    @Test("a function error fails the whole batch even with ReportBatchItemFailures", .timeLimit(.minutes(1)))
    func functionErrorFailsBatch() async throws {
        let harness = Harness(Fixture.records(1...3)) { call, _ in call == 1 ? .fail() : .success }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true))
        #expect(harness.invoker.calls == [[1, 2, 3], [1, 2, 3]])
        #expect(harness.reports.map(\.result) == [.functionError("Unhandled"), .succeeded])
    }

    @Test(
        "with bisection too, a partial response retries only the records from the reported one",
        .timeLimit(.minutes(1)))
    func partialWithBisection() async throws {
        let harness = Harness(Fixture.records(1...4)) { call, _ in call == 1 ? .respond(Self.failures(2)) : .success }
        try await harness.drain(
            MappingSettings(
                startingPosition: .trimHorizon, bisectBatchOnFunctionError: true, reportBatchItemFailures: true))
        #expect(harness.invoker.calls == [[1, 2, 3, 4], [2, 3, 4]])
        #expect(harness.checkpoints.history() == [0, 1, 4])
    }

    @Test("reporting the first record retries the whole batch and moves no checkpoint", .timeLimit(.minutes(1)))
    func firstRecordReported() async throws {
        let harness = Harness(Fixture.records(1...3)) { call, _ in call == 1 ? .respond(Self.failures(1)) : .success }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, reportBatchItemFailures: true))
        #expect(harness.invoker.calls == [[1, 2, 3], [1, 2, 3]])
        #expect(harness.checkpoints.history() == [0, 3])
        #expect(
            harness.reports.map(\.result) == [
                .partialFailure(retryFrom: Fixture.sequence(1), remaining: 3), .succeeded,
            ])
    }
}
