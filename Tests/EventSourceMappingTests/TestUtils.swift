import DynamoDBTypes
import EventSourceMapping
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Names, times and records shared by the scenarios (Cruddur's messaging stream).
enum Fixture {
    static let streamARN =
        "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T15:40:12.345"
    static let shardID = "shardId-00000001679326812345-1a2b3c4d"
    static let functionARN = "arn:aws:lambda:ca-central-1:123456789012:function:cruddur-messaging-stream"
    static let identity = MappingIdentity(
        uuid: "f3b2c1d0-1a2b-4c3d-8e9f-0a1b2c3d4e5f", name: "MessagingStream.Stream", functionARN: functionARN)
    /// 2023-03-20T16:08:58Z, when every record is written unless a test says otherwise.
    static let created = Date(timeIntervalSince1970: 1_679_328_538)
    /// 2023-03-20T16:09:30.250Z, the injected wall clock.
    static let now = Date(timeIntervalSince1970: 1_679_328_570.25)
    /// Short waits so retries take milliseconds.
    static let quickRetries = RetryPolicy(initialDelay: .milliseconds(1), maximumDelay: .milliseconds(2))

    /// The sequence number of record `counter` of shard 1 (21 digits).
    static func sequence(_ counter: Int) -> String {
        SequenceNumber(shard: 1, counter: UInt64(counter)).description
    }

    /// The counter back from a sequence number made by ``sequence(_:)``.
    static func counter(_ sequenceNumber: String) -> Int {
        Int(sequenceNumber.dropFirst()) ?? -1
    }

    /// An INSERT of item `pk` (default `MSG#<counter>`) as GetRecords returns it (no `eventSourceARN`).
    static func record(
        _ counter: Int, key: String? = nil, created: Date = Fixture.created, message: String = "Hello!"
    ) -> StreamRecord {
        let keys: Item = ["pk": .s(key ?? "MSG#\(counter)")]
        let newImage = keys.merging(["message": .s(message)]) { old, _ in old }
        let hex = String(counter, radix: 16)
        return StreamRecord(
            eventID: String(repeating: "0", count: 32 - hex.count) + hex, eventName: .insert, awsRegion: "ca-central-1",
            dynamodb: StreamRecordData(
                approximateCreationDateTime: created, keys: keys, newImage: newImage, oldImage: nil,
                sequenceNumber: sequence(counter),
                sizeBytes: StreamRecordData.sizeBytes(keys: keys, newImage: newImage, oldImage: nil),
                streamViewType: .newImage),
            eventSourceARN: nil)
    }

    /// Records `range` with the default keys.
    static func records(_ range: ClosedRange<Int>) -> [StreamRecord] {
        range.map { record($0) }
    }
}

/// Sends a continuation-based signal once a counter reaches a threshold (no polling).
final class Counter: Sendable {
    private struct State {
        var value = 0
        var waiters: [(threshold: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }
    private let state = Mutex(State())

    var value: Int { state.withLock { $0.value } }

    func increment() {
        let ready = state.withLock { state in
            state.value += 1
            let value = state.value
            let ready = state.waiters.filter { $0.threshold <= value }.map(\.continuation)
            state.waiters.removeAll { $0.threshold <= value }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once the counter is at least `threshold`.
    func wait(for threshold: Int) async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                if state.value >= threshold { return true }
                state.waiters.append((threshold, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}

/// Every batch report a lane made.
final class ReportLog: Sendable {
    private let log = Mutex<[BatchReport]>([])

    var reports: [BatchReport] { log.withLock { $0 } }
    func append(_ report: BatchReport) { log.withLock { $0.append(report) } }
}

/// A mutable wall clock.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Fixture.now) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }
    func advance(seconds: Double) { current.withLock { $0 += seconds } }
}

/// One scenario's source, function, checkpoints, destination, clock and batch reports.
struct Harness {
    let source: MemorySource
    let invoker: ScriptedInvoker
    let checkpoints = RecordingCheckpointStore()
    let destination = CollectingDestination()
    let clock: TestClock
    private let reportLog = ReportLog()

    init(
        _ records: [StreamRecord] = [], clock: TestClock = TestClock(),
        script: @escaping ScriptedInvoker.Script = { _, _ in .success }
    ) {
        self.init(source: MemorySource(records), clock: clock, script: script)
    }

    /// A harness reading `source` (shared with another harness, say) with a fresh function.
    init(
        source: MemorySource, clock: TestClock = TestClock(),
        script: @escaping ScriptedInvoker.Script = { _, _ in .success }
    ) {
        self.source = source
        self.clock = clock
        invoker = ScriptedInvoker(script)
    }

    var reports: [BatchReport] { reportLog.reports }

    func environment(
        checkpoints: (any CheckpointStore)? = nil, destination: Bool = true, enforcesRecordAge: Bool = true
    ) -> MappingEnvironment {
        let clock = clock
        return MappingEnvironment(
            source: source, invoker: invoker, checkpoints: checkpoints ?? self.checkpoints,
            destination: destination ? self.destination : nil, retryPolicy: Fixture.quickRetries,
            enforcesRecordAge: enforcesRecordAge, now: { clock.now() },
            observe: { [reportLog] report in reportLog.append(report) })
    }

    /// A single lane with `settings`.
    func lane(_ settings: MappingSettings, checkpoints: (any CheckpointStore)? = nil) -> ShardLane {
        ShardLane(
            identity: Fixture.identity, settings: settings,
            selector: LaneSelector(lane: 0, laneCount: 1, partitionKey: "pk"),
            environment: environment(checkpoints: checkpoints))
    }

    /// Runs a single lane with `settings` until every record is done.
    @discardableResult
    func drain(_ settings: MappingSettings) async throws -> ShardLane {
        let lane = lane(settings)
        try await lane.run(untilDrained: true)
        return lane
    }
}
