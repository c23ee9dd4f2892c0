import DynamoDBTypes
import EventSourceMapping
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reading JSON event logs for replays, and replaying them through a lane.
struct EventLogTests {
    static func line(_ counter: Int) throws -> String {
        try OrderedJSONEncoder().encodeToString(Fixture.record(counter))
    }

    static func counters(_ log: EventLog) -> [Int] {
        log.records.map { Fixture.counter($0.dynamodb.sequenceNumber) }
    }

    @Test("JSON Lines of records, blank lines skipped")
    func jsonLines() throws {
        let text = try [Self.line(1), "", Self.line(2), "   ", Self.line(3), ""].joined(separator: "\n")
        let log = try EventLog(text: text, file: "events.jsonl")
        #expect(Self.counters(log) == [1, 2, 3])
        #expect(log.records[0] == Fixture.record(1))
    }

    @Test(
        "JSON Lines with Windows line endings")
    func crlf() throws {
        let text = try [Self.line(1), Self.line(2), ""].joined(separator: "\r\n")
        #expect(Self.counters(try EventLog(text: text, file: "events.jsonl")) == [1, 2])
    }

    @Test("JSON Lines mixing records and {\"Records\":[…]} events")
    func mixedLines() throws {
        let event = try OrderedJSONEncoder().encodeToString(DynamoDBStreamEvent(records: Fixture.records(2...3)))
        let text = try [Self.line(1), event, Self.line(4)].joined(separator: "\n")
        #expect(Self.counters(try EventLog(text: text, file: "events.jsonl")) == [1, 2, 3, 4])
    }

    @Test("a single {\"Records\":[…]} document, compact or indented")
    func wholeDocument() throws {
        let event = DynamoDBStreamEvent(records: Fixture.records(1...3))
        for encoder in [OrderedJSONEncoder(), OrderedJSONEncoder(indent: 2)] {
            let text = "\n" + (try encoder.encodeToString(event)) + "\n"
            let log = try EventLog(text: text, file: "event.json")
            #expect(Self.counters(log) == [1, 2, 3])
        }
    }

    /// A record's fields before `dynamodb`.
    static let head =
        #"{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"r","#

    @Test(
        "a bad line is named by file, line and JSON path",
        arguments: [
            (
                Self.head + #""dynamodb":{"Keys":{},"SizeBytes":1,"StreamViewType":"KEYS_ONLY"}}"#,
                "events.jsonl:2: not a stream record: $.dynamodb.SequenceNumber is missing"
            ),
            (#"{"eventName":"INSERT"}"#, "events.jsonl:2: not a stream record: $.eventID is missing"),
            (
                Self.head.replacing("INSERT", with: "UPSERT")
                    + #""dynamodb":{"Keys":{},"SequenceNumber":"100000000000000000002","SizeBytes":1,"#
                    + #""StreamViewType":"KEYS_ONLY"}}"#,
                "events.jsonl:2: not a stream record: $.eventName "
                    + "Cannot initialize StreamEventName from invalid String value UPSERT"
            ),
        ])
    func badLine(line: String, message: String) throws {
        let text = try [Self.line(1), line, Self.line(3)].joined(separator: "\n")
        let error = #expect(throws: EventLogError.self) { try EventLog(text: text, file: "events.jsonl") }
        #expect(error?.description == message)
        #expect(error?.line == 2)
    }

    @Test("a line that is not JSON is named by file and line")
    func notJSON() throws {
        let text = try [Self.line(1), Self.line(2), "{oops"].joined(separator: "\n")
        let error = #expect(throws: EventLogError.self) { try EventLog(text: text, file: "events.jsonl") }
        #expect(error?.file == "events.jsonl")
        #expect(error?.line == 3)
        #expect(error?.description == "events.jsonl:3: not a stream record: The given data was not valid JSON.")
    }

    @Test(
        "a bad record inside a {\"Records\":[…]} document is named by its JSON path")
    func badRecordInDocument() throws {
        var event = try OrderedJSONEncoder(indent: 2).encodeToString(
            DynamoDBStreamEvent(records: Fixture.records(1...2)))
        event = event.replacing(#""SequenceNumber" : "100000000000000000002""#, with: #""Sequence" : "2""#)
            .replacing(#""SequenceNumber": "100000000000000000002""#, with: #""Sequence": "2""#)
        #expect(!event.contains(Fixture.sequence(2)))
        let error = #expect(throws: EventLogError.self) { try EventLog(text: event, file: "event.json") }
        #expect(
            error?.description == "event.json: not a stream record: $.Records[1].dynamodb.SequenceNumber is missing")
    }

    @Test(
        "a bad record inside a {\"Records\":[…]} line is named by line and JSON path")
    func badRecordInEventLine() throws {
        var event = try OrderedJSONEncoder().encodeToString(DynamoDBStreamEvent(records: Fixture.records(2...3)))
        event = event.replacing(#""SizeBytes":27"#, with: #""SizeBytes":"27""#)
        let text = try [Self.line(1), event].joined(separator: "\n")
        let error = #expect(throws: EventLogError.self) { try EventLog(text: text, file: "events.jsonl") }
        #expect(
            error?.description.hasPrefix("events.jsonl:2: not a stream record: $.Records[0].dynamodb.SizeBytes") == true
        )
    }

    @Test(
        "records must come in increasing sequence-number order; the error names the line",
        arguments: [([1, 3, 2], 3, 2, 3), ([1, 2, 2], 3, 2, 2), ([5, 4], 2, 4, 5)])
    func outOfOrder(order: [Int], index: Int, found: Int, previous: Int) throws {
        let text = try order.map { try Self.line($0) }.joined(separator: "\n")
        let error = #expect(throws: EventLogError.self) { try EventLog(text: text, file: "events.jsonl") }
        #expect(
            error?.description
                == "events.jsonl:\(index): record \(index): SequenceNumber \"\(Fixture.sequence(found))\" does not follow "
                + "\"\(Fixture.sequence(previous))\"; a log must list records in shard order")
    }

    @Test("a record whose SequenceNumber is not digits is rejected")
    func invalidSequenceNumber() throws {
        var record = Fixture.record(1)
        record.dynamodb.sequenceNumber = "12a"
        let text = try OrderedJSONEncoder().encodeToString(record)
        let error = #expect(throws: EventLogError.self) { try EventLog(text: text, file: "events.jsonl") }
        #expect(
            error?.description
                == #"events.jsonl:1: record 1: Invalid SequenceNumber "12a": expected 1 to 40 decimal digits"#)
    }

    @Test("a missing file says so")
    func missingFile() {
        let error = #expect(throws: EventLogError.self) {
            try EventLog(contentsOfFile: "/nonexistent/lambda-local/events.jsonl")
        }
        #expect(error?.description == "/nonexistent/lambda-local/events.jsonl: no such file")
    }

    @Test("a log replays through a lane: records keep their own eventSourceARN, the rest get the mapping's")
    func replay() async throws {
        var own = Fixture.record(2)
        own.eventSourceARN = "arn:aws:dynamodb:us-east-1:000000000000:table/other/stream/2024-01-01T00:00:00.000"
        let text = try [Self.line(1), OrderedJSONEncoder().encodeToString(own), Self.line(3)].joined(separator: "\n")
        let source = try EventLogSource(
            log: EventLog(text: text, file: "events.jsonl"), streamARN: Fixture.streamARN, shardID: Fixture.shardID)
        #expect(try await source.latestSequenceNumber()?.description == Fixture.sequence(3))
        #expect(
            try await source.backlog(after: SequenceNumber(Fixture.sequence(1)))
                == Backlog(count: 2, oldestRecordTime: Fixture.created))

        let harness = Harness()
        let invoker = harness.invoker
        let lane = ShardLane(
            identity: Fixture.identity, settings: MappingSettings(startingPosition: .trimHorizon, batchSize: 2),
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: nil),
            environment: MappingEnvironment(
                source: source, invoker: invoker, checkpoints: InMemoryCheckpointStore(), destination: nil,
                retryPolicy: Fixture.quickRetries, enforcesRecordAge: false))
        try await lane.run(untilDrained: true)
        #expect(invoker.calls == [[1, 2], [3]])
        let first = try JSONDecoder().decode(DynamoDBStreamEvent.self, from: Data(invoker.payloads[0].utf8))
        #expect(first.records.map(\.eventSourceARN) == [Fixture.streamARN, own.eventSourceARN])
        #expect(lane.statistics.checkpoint == Fixture.sequence(3))
    }
}
