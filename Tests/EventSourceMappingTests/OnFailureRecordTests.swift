import DynamoDBTypes
import EventSourceMapping
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The invocation record sent to the on-failure destination, byte for byte (streams-and-triggers.md §3.6).
struct OnFailureRecordTests {
    /// Record `counter`'s JSON as the function receives it.
    static func recordJSON(_ counter: Int) -> String {
        #"{"eventID":"\#(String(repeating: "0", count: 31))\#(counter)","eventName":"INSERT","eventVersion":"1.1","#
            + #""eventSource":"aws:dynamodb","awsRegion":"ca-central-1","dynamodb":{"ApproximateCreationDateTime":1679328538,"#
            + #""Keys":{"pk":{"S":"MSG#\#(counter)"}},"NewImage":{"message":{"S":"Hello!"},"pk":{"S":"MSG#\#(counter)"}},"#
            + #""SequenceNumber":"\#(Fixture.sequence(counter))","SizeBytes":27,"StreamViewType":"NEW_IMAGE"},"#
            + #""eventSourceARN":"\#(Fixture.streamARN)"}"#
    }

    static func batchInfo(_ first: Int, _ last: Int) -> String {
        #""DDBStreamBatchInfo":{"shardId":"\#(Fixture.shardID)","startSequenceNumber":"\#(Fixture.sequence(first))","#
            + #""endSequenceNumber":"\#(Fixture.sequence(last))","approximateArrivalOfFirstRecord":"2023-03-20T16:08:58Z","#
            + #""approximateArrivalOfLastRecord":"2023-03-20T16:08:58Z","batchSize":\#(last - first + 1),"#
            + #""streamArn":"\#(Fixture.streamARN)"}"#
    }

    static func json(_ record: OnFailureRecord) throws -> String {
        try OrderedJSONEncoder().encodeToString(record)
    }

    @Test(
        "a batch whose retries ran out: requestContext, responseContext, version, timestamp, batch info, payload",
        .timeLimit(.minutes(1)))
    func retryAttemptsExhausted() async throws {
        let harness = Harness(Fixture.records(1...2)) { _, _ in .fail() }
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 1))
        let failure = try #require(harness.destination.records.first)
        let expected =
            #"{"requestContext":{"requestId":"req-2","functionArn":"\#(Fixture.functionARN)","#
            + #""condition":"RetryAttemptsExhausted","approximateInvokeCount":2},"#
            + #""responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"#
            + #""version":"1.0","timestamp":"2023-03-20T16:09:30.250Z","#
            + Self.batchInfo(1, 2)
            + #","payload":{"Records":[\#(Self.recordJSON(1)),\#(Self.recordJSON(2))]}}"#
        #expect(try Self.json(failure) == expected)
    }

    @Test("after a valid partial-batch response functionError is encoded as null", .timeLimit(.minutes(1)))
    func partialResponseHasNullFunctionError() async throws {
        let harness = Harness(Fixture.records(1...2)) { _, _ in
            .respond(#"{"batchItemFailures":[{"itemIdentifier":"\#(Fixture.sequence(2))"}]}"#)
        }
        try await harness.drain(
            MappingSettings(startingPosition: .trimHorizon, maximumRetryAttempts: 0, reportBatchItemFailures: true))
        let failure = try #require(harness.destination.records.first)
        let expected =
            #"{"requestContext":{"requestId":"req-1","functionArn":"\#(Fixture.functionARN)","#
            + #""condition":"RetryAttemptsExhausted","approximateInvokeCount":1},"#
            + #""responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":null},"#
            + #""version":"1.0","timestamp":"2023-03-20T16:09:30.250Z","#
            + Self.batchInfo(2, 2)
            + #","payload":{"Records":[\#(Self.recordJSON(2))]}}"#
        #expect(try Self.json(failure) == expected)
    }

    @Test("records discarded for age before any invocation have a null responseContext and a fresh request ID")
    func recordAgeExceeded() async throws {
        let clock = TestClock(Fixture.created + 120)
        let harness = Harness([Fixture.record(1)], clock: clock)
        try await harness.drain(MappingSettings(startingPosition: .trimHorizon, maximumRecordAgeInSeconds: 60))
        let failure = try #require(harness.destination.records.first)
        let requestID = failure.requestContext.requestId
        #expect(UUID(uuidString: requestID) != nil)
        #expect(requestID == requestID.lowercased())
        let expected =
            #"{"requestContext":{"requestId":"\#(requestID)","functionArn":"\#(Fixture.functionARN)","#
            + #""condition":"RecordAgeExceeded","approximateInvokeCount":0},"#
            + #""responseContext":{"statusCode":null,"executedVersion":null,"functionError":null},"#
            + #""version":"1.0","timestamp":"2023-03-20T16:10:58.000Z","#
            + Self.batchInfo(1, 1)
            + #","payload":{"Records":[\#(Self.recordJSON(1))]}}"#
        #expect(try Self.json(failure) == expected)
    }

    @Test(
        "the timestamp has milliseconds and Z",
        arguments: [
            (1_679_328_570.717, "2023-03-20T16:09:30.717Z"), (1_679_328_570.0015, "2023-03-20T16:09:30.001Z"),
            (1_679_328_570.999, "2023-03-20T16:09:30.999Z"), (1_679_328_570, "2023-03-20T16:09:30.000Z"),
            (0, "1970-01-01T00:00:00.000Z"),
        ])
    func timestamp(seconds: Double, text: String) {
        let record = OnFailureRecord(
            requestContext: .init(
                requestId: "r", functionArn: Fixture.functionARN, condition: .retryAttemptsExhausted,
                approximateInvokeCount: 1),
            responseContext: .init(statusCode: nil, executedVersion: nil, functionError: nil),
            discardedAt: Date(timeIntervalSince1970: seconds),
            batchInfo: .init(records: [], shardID: Fixture.shardID, streamARN: Fixture.streamARN), payload: nil)
        #expect(record.timestamp == text)
    }

    @Test("arrival times are the first and last records' creation times in whole seconds (rounded down) and Z")
    func arrivalTimes() {
        let records = [
            Fixture.record(1, created: Date(timeIntervalSince1970: 1_679_328_538.9)),
            Fixture.record(2, created: Date(timeIntervalSince1970: 1_679_328_600.4)),
            Fixture.record(3, created: Date(timeIntervalSince1970: 1_679_328_659.999)),
        ]
        let info = OnFailureRecord.BatchInfo(records: records, shardID: Fixture.shardID, streamARN: Fixture.streamARN)
        #expect(info.approximateArrivalOfFirstRecord == "2023-03-20T16:08:58Z")
        #expect(info.approximateArrivalOfLastRecord == "2023-03-20T16:10:59Z")
        #expect(info.startSequenceNumber == Fixture.sequence(1))
        #expect(info.endSequenceNumber == Fixture.sequence(3))
        #expect(info.batchSize == 3)
    }

    @Test("a record without payload omits the key, and the JSON decodes back to the same record")
    func roundTrip() throws {
        let record = OnFailureRecord(
            requestContext: .init(
                requestId: "r", functionArn: Fixture.functionARN, condition: .recordAgeExceeded,
                approximateInvokeCount: 0),
            responseContext: .init(statusCode: nil, executedVersion: nil, functionError: nil),
            discardedAt: Fixture.now,
            batchInfo: .init(records: [Fixture.record(7)], shardID: Fixture.shardID, streamARN: Fixture.streamARN),
            payload: nil)
        let text = try Self.json(record)
        #expect(!text.contains("payload"))
        #expect(text.hasSuffix(#""batchSize":1,"streamArn":"\#(Fixture.streamARN)"}}"#))
        #expect(try JSONDecoder().decode(OnFailureRecord.self, from: Data(text.utf8)) == record)
    }
}
