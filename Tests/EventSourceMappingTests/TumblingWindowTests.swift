import DynamoDBTypes
import Synchronization
import Testing

@testable import EventSourceMapping

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A tumbling-window function: adds the counters of its records to `state["total"]` and logs every event it got.
final class WindowSumFunction: BatchInvoker {
    /// Decides what to answer to call `call` (1-based) of `event`; `nil` answers the running total.
    typealias Script = @Sendable (_ call: Int, _ event: DynamoDBTimeWindowEvent) -> Reply?
    private let script: Script
    private let log = Mutex<[DynamoDBTimeWindowEvent]>([])

    init(_ script: @escaping Script = { _, _ in nil }) { self.script = script }

    var events: [DynamoDBTimeWindowEvent] { log.withLock { $0 } }
    var finals: [DynamoDBTimeWindowEvent] { events.filter(\.isFinalInvokeForWindow) }

    func invoke(payload: [UInt8]) async -> InvocationOutcome {
        guard let event = try? JSONDecoder().decode(DynamoDBTimeWindowEvent.self, from: Data(payload)) else {
            return .completed(requestID: "bad", payload: [], functionError: "Runtime.UnmarshalError")
        }
        let call = log.withLock { log in
            log.append(event)
            return log.count
        }
        switch script(call, event) {
        case .success?:
            return .completed(requestID: "req-\(call)", payload: Array("null".utf8), functionError: nil)
        case .respond(let body)?:
            return .completed(requestID: "req-\(call)", payload: Array(body.utf8), functionError: nil)
        case .fail(let error)?:
            return .completed(requestID: "req-\(call)", payload: Array("{}".utf8), functionError: error)
        case .throttle?:
            return .notInvoked(reason: "TooManyRequestsException", statusCode: 429)
        case nil:
            let total = Int(event.state["total"] ?? "0")! + event.records.map { Fixture.counter($0.dynamodb.sequenceNumber) }.reduce(0, +)
            let response = TimeWindowEventResponse(state: ["total": String(total)])
            return .completed(
                requestID: "req-\(call)", payload: Array(try! JSONEncoder().encode(response)), functionError: nil)
        }
    }

    /// The counters of each call's records.
    var calls: [[Int]] { events.map { $0.records.map { Fixture.counter($0.dynamodb.sequenceNumber) } } }
}

/// Tumbling windows (`TumblingWindowInSeconds`) as Lambda runs them for DynamoDB streams.
struct TumblingWindowTests {
    /// 2023-03-20T16:08:00Z, the start of the minute of ``Fixture/created``.
    static let minute: Int64 = 1_679_328_480

    /// (creation time, window length, expected start, expected end).
    static let assignments: [(Double, Int, Int64, Int64)] = [
        (1_679_328_538, 60, 1_679_328_480, 1_679_328_540),
        (1_679_328_480, 60, 1_679_328_480, 1_679_328_540),
        (1_679_328_539.999, 60, 1_679_328_480, 1_679_328_540),
        (1_679_328_538, 900, 1_679_328_000, 1_679_328_900),
        (1_679_328_538, 1, 1_679_328_538, 1_679_328_539),
        (-1, 60, -60, 0),
    ]

    static func settings(_ window: Int = 60, batchSize: Int = 100) -> MappingSettings {
        var settings = MappingSettings(startingPosition: .trimHorizon, batchSize: batchSize, maximumRetryAttempts: 2)
        settings.tumblingWindowInSeconds = window
        return settings
    }

    /// Runs one lane over `records` with `function` until drained, on `store`.
    @discardableResult
    static func drain(
        _ records: [StreamRecord], function: WindowSumFunction, settings: MappingSettings = TumblingWindowTests.settings(),
        store: any TumblingWindowStore = InMemoryTumblingWindowStore(), clock: TestClock = TestClock(),
        checkpoints: RecordingCheckpointStore = RecordingCheckpointStore()
    ) async throws -> ShardLane {
        let harness = Harness(records, clock: clock)
        var environment = harness.environment(checkpoints: checkpoints)
        environment.invoker = function
        environment.windows = store
        let lane = ShardLane(
            identity: Fixture.identity, settings: settings,
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: "pk"), environment: environment)
        try await lane.run(untilDrained: true)
        return lane
    }

    @Test(
        "a record belongs to the epoch-aligned window containing its creation time",
        arguments: assignments)
    func windowAssignment(instant: Double, length: Int, start: Int64, end: Int64) {
        let window = TumblingWindow(containing: Date(timeIntervalSince1970: instant), length: length)
        #expect(window == TumblingWindow(start: start, end: end))
        #expect(window.json.hasPrefix(#"{"start":""#))
    }

    @Test("the event's window is ISO-8601 to the second in UTC")
    func windowFormat() {
        let window = TumblingWindow(containing: Fixture.created, length: 60)
        #expect(window.json == #"{"start":"2023-03-20T16:08:00Z","end":"2023-03-20T16:09:00Z"}"#)
    }

    @Test("the state is carried from invocation to invocation and the final invocation has the sum", .timeLimit(.minutes(1)))
    func stateCarried() async throws {
        let function = WindowSumFunction()
        try await Self.drain(Fixture.records(1...5), function: function, settings: Self.settings(batchSize: 2))

        #expect(function.calls == [[1, 2], [3, 4], [5], []])
        #expect(function.events.map { $0.state["total"] } == [nil, "3", "10", "15"])
        let final = try #require(function.finals.first)
        #expect(function.finals.count == 1)
        #expect(final.records.isEmpty)
        #expect(final.state == ["total": "15"])
        #expect(final.window == .init(start: "2023-03-20T16:08:00Z", end: "2023-03-20T16:09:00Z"))
        #expect(final.shardID == Fixture.shardID)
        #expect(final.eventSourceARN == Fixture.streamARN)
        #expect(!final.isWindowTerminatedEarly)
    }

    @Test("a batch never spans two windows; a later window's record closes the earlier window first", .timeLimit(.minutes(1)))
    func batchesSplitAtWindows() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: Double(Self.minute + 300)))
        let records = [
            Fixture.record(1), Fixture.record(2),
            Fixture.record(3, created: Fixture.created + 60), Fixture.record(4, created: Fixture.created + 61),
        ]
        let function = WindowSumFunction()
        try await Self.drain(records, function: function, clock: clock)

        #expect(function.calls == [[1, 2], [], [3, 4], []])
        #expect(function.finals.map { $0.state } == [["total": "3"], ["total": "7"]])
        #expect(function.finals.map(\.window.start) == ["2023-03-20T16:08:00Z", "2023-03-20T16:09:00Z"])
    }

    @Test("a window whose end has not passed stays open, then closes once it has", .timeLimit(.minutes(1)))
    func finalInvokeAfterEnd() async throws {
        let clock = TestClock(Fixture.created + 1)
        let store = InMemoryTumblingWindowStore()
        let checkpoints = RecordingCheckpointStore()
        let function = WindowSumFunction()
        try await Self.drain(
            Fixture.records(1...3), function: function, store: store, clock: clock, checkpoints: checkpoints)
        #expect(function.calls == [[1, 2, 3]])
        let open = try #require(await store.openWindow(for: Self.laneKey))
        #expect(String(decoding: open.state, as: UTF8.self) == #"{"total":"6"}"#)

        clock.advance(seconds: 60)
        try await Self.drain(
            Fixture.records(1...3), function: function, store: store, clock: clock, checkpoints: checkpoints)
        #expect(function.calls == [[1, 2, 3], []])
        #expect(function.finals.map(\.state) == [["total": "6"]])
        #expect(await store.openWindow(for: Self.laneKey) == nil)
    }

    @Test("a response without a state object fails the batch; the retry carries the state from before", .timeLimit(.minutes(1)))
    func missingStateFails() async throws {
        let function = WindowSumFunction { call, _ in call == 2 ? .respond(#"{"batchItemFailures":[]}"#) : nil }
        try await Self.drain(Fixture.records(1...4), function: function, settings: Self.settings(batchSize: 2))

        #expect(function.calls == [[1, 2], [3, 4], [3, 4], []])
        #expect(function.events.map { $0.state["total"] } == [nil, "3", "3", "10"])
    }

    @Test("a function error is retried with the same state, then discarded leaving the state as it was", .timeLimit(.minutes(1)))
    func errorsRetriedThenDiscarded() async throws {
        let function = WindowSumFunction { _, event in
            event.records.contains { $0.dynamodb.sequenceNumber == Fixture.sequence(2) } ? .fail() : nil
        }
        try await Self.drain(Fixture.records(1...3), function: function, settings: Self.settings(batchSize: 1))

        #expect(function.calls == [[1], [2], [2], [2], [3], []])
        #expect(function.events.map { $0.state["total"] } == [nil, "1", "1", "1", "1", "4"])
    }

    @Test("with ReportBatchItemFailures the returned state is kept and the records from the failed one are retried", .timeLimit(.minutes(1)))
    func partialFailure() async throws {
        var settings = Self.settings()
        settings.reportBatchItemFailures = true
        let function = WindowSumFunction { call, _ in
            call == 1
                ? .respond(#"{"state":{"total":"1"},"batchItemFailures":[{"itemIdentifier":"\#(Fixture.sequence(2))"}]}"#)
                : nil
        }
        try await Self.drain(Fixture.records(1...3), function: function, settings: settings)

        #expect(function.calls == [[1, 2, 3], [2, 3], []])
        #expect(function.events.map { $0.state["total"] } == [nil, "1", "6"])
    }

    @Test("a state over 1 MB ends the window early; the window continues with a fresh state", .timeLimit(.minutes(1)))
    func earlyTermination() async throws {
        let big = String(repeating: "x", count: TumblingWindowState.maximumStateBytes)
        let function = WindowSumFunction { call, _ in call == 1 ? .respond(#"{"state":{"big":"\#(big)"}}"#) : nil }
        try await Self.drain(Fixture.records(1...2), function: function, settings: Self.settings(batchSize: 1))

        #expect(function.calls == [[1], [], [2], []])
        let early = function.events[1]
        #expect(early.isFinalInvokeForWindow && early.isWindowTerminatedEarly)
        #expect(early.state["big"]?.count == big.count)
        #expect(function.events[2].state.isEmpty)
        #expect(!function.events[3].isWindowTerminatedEarly)
        #expect(function.events[3].state == ["total": "2"])
        #expect(function.events[2].window == early.window)
    }

    @Test("a failed final invocation is retried until it succeeds", .timeLimit(.minutes(1)))
    func finalInvokeRetried() async throws {
        let function = WindowSumFunction { call, event in event.isFinalInvokeForWindow && call < 4 ? .fail() : nil }
        try await Self.drain(Fixture.records(1...1), function: function)

        #expect(function.calls == [[1], [], [], []])
        #expect(function.finals.allSatisfy { $0.state == ["total": "1"] })
    }

    @Test("the open window's state outlives the lane: a new lane on the same store continues it", .timeLimit(.minutes(1)))
    func stateSurvivesRestart() async throws {
        let clock = TestClock(Fixture.created + 1)
        let store = InMemoryTumblingWindowStore()
        let checkpoints = RecordingCheckpointStore()
        let first = WindowSumFunction()
        try await Self.drain(Fixture.records(1...2), function: first, store: store, clock: clock, checkpoints: checkpoints)

        let second = WindowSumFunction()
        clock.advance(seconds: 60)
        try await Self.drain(Fixture.records(1...4), function: second, store: store, clock: clock, checkpoints: checkpoints)
        #expect(second.calls == [[3, 4], []])
        #expect(second.events.map { $0.state["total"] } == ["3", "10"])
    }

    @Test("the response's state is kept as compact JSON; a missing, null or non-object state is refused")
    func responseRules() {
        #expect(TumblingWindowResponse(payload: Array(#"{ "state": {"b": 2, "a": [1, "x"]} }"#.utf8))
            == .state(Array(#"{"a":[1,"x"],"b":2}"#.utf8)))
        for body in ["null", "{}", #"{"state":null}"#, #"{"state":3}"#, "not json", ""] {
            guard case .invalid = TumblingWindowResponse(payload: Array(body.utf8)) else {
                Issue.record("\(body) was accepted")
                continue
            }
        }
    }

    static let laneKey = LaneKey(
        mappingUUID: Fixture.identity.uuid, streamARN: Fixture.streamARN, shardID: Fixture.shardID, lane: 0)
}
