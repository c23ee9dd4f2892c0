import DynamoDBTypes
import EventSourceMapping
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A shard the test appends to; `waitForRecords` parks a continuation until an append (or cancellation).
final class MemorySource: StreamRecordSource {
    let streamARN: String
    let shardID: String
    /// How many times a reader started waiting for records.
    let waits = Counter()
    private struct State {
        var records: [(number: SequenceNumber, record: StreamRecord)] = []
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0

        func hasRecords(after position: SequenceNumber?) -> Bool {
            guard let last = records.last else { return false }
            return position.map { last.number > $0 } ?? true
        }
    }
    private let state = Mutex(State())

    init(_ records: [StreamRecord] = [], streamARN: String = Fixture.streamARN, shardID: String = Fixture.shardID) {
        self.streamARN = streamARN
        self.shardID = shardID
        append(records)
    }

    /// Adds records at the end of the shard and wakes every waiting reader.
    func append(_ records: [StreamRecord]) {
        let woken = state.withLock { state in
            // Fixture records always carry valid sequence numbers.
            state.records += records.map { (try! SequenceNumber($0.dynamodb.sequenceNumber), $0) }
            let woken = Array(state.waiters.values)
            state.waiters = [:]
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord] {
        state.withLock { state in
            state.records.filter { position == nil || $0.number > position! }.prefix(limit).map(\.record)
        }
    }

    func waitForRecords(after position: SequenceNumber?) async throws {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if Task.isCancelled || state.hasRecords(after: position) { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now {
                    continuation.resume()
                } else {
                    waits.increment()
                }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    func latestSequenceNumber() async throws -> SequenceNumber? {
        state.withLock { $0.records.last?.number }
    }

    func backlog(after position: SequenceNumber?) async throws -> Backlog? {
        state.withLock { state in
            let rest = state.records.filter { position == nil || $0.number > position! }
            return Backlog(count: rest.count, oldestRecordTime: rest.first?.record.dynamodb.approximateCreationDateTime)
        }
    }
}

/// What the scripted function answers to one call.
enum Reply: Sendable {
    /// Returns `null` (a success for any mapping).
    case success
    /// Returns `body` without a function error.
    case respond(String)
    /// Fails with `X-Amz-Function-Error` (`Unhandled` by default).
    case fail(String = "Unhandled")
    /// Throttled: the function is not reached.
    case throttle
}

/// A function that decides each call from the records it receives and logs them.
final class ScriptedInvoker: BatchInvoker {
    /// Decides call `call` (1-based) given the counters of the records it carries.
    typealias Script = @Sendable (_ call: Int, _ counters: [Int]) async -> Reply

    private let script: Script
    private let log = Mutex<[[Int]]>([])
    private let bodies = Mutex<[String]>([])
    /// Counts calls, for tests that wait for the n-th one.
    let callCount = Counter()

    init(_ script: @escaping Script = { _, _ in .success }) {
        self.script = script
    }

    /// The record counters of every call, in call order.
    var calls: [[Int]] { log.withLock { $0 } }
    /// The payload of every call, as text.
    var payloads: [String] { bodies.withLock { $0 } }
    /// The payload size of every call, in bytes.
    var payloadSizes: [Int] { payloads.map(\.utf8.count) }

    func invoke(payload: [UInt8]) async -> InvocationOutcome {
        let counters: [Int]
        do {
            let event = try JSONDecoder().decode(DynamoDBStreamEvent.self, from: Data(payload))
            counters = event.records.map { Fixture.counter($0.dynamodb.sequenceNumber) }
        } catch {
            counters = [-1]  // an undecodable payload shows up in the log as [-1]
        }
        let call = log.withLock { log in
            log.append(counters)
            return log.count
        }
        bodies.withLock { $0.append(String(decoding: payload, as: UTF8.self)) }
        defer { callCount.increment() }
        switch await script(call, counters) {
        case .success:
            return .completed(requestID: "req-\(call)", payload: Array("null".utf8), functionError: nil)
        case .respond(let body):
            return .completed(requestID: "req-\(call)", payload: Array(body.utf8), functionError: nil)
        case .fail(let error):
            let body = #"{"errorType":"PoisonError","errorMessage":"poison"}"#
            return .completed(requestID: "req-\(call)", payload: Array(body.utf8), functionError: error)
        case .throttle:
            return .notInvoked(reason: "TooManyRequestsException", statusCode: 429)
        }
    }
}

/// Checkpoints in memory, with every save logged.
final class RecordingCheckpointStore: CheckpointStore {
    private let state = Mutex<(current: [LaneKey: Checkpoint], saves: [(LaneKey, Checkpoint)])>(([:], []))
    private let layouts = Mutex<[ShardKey: LaneLayout]>([:])

    func checkpoints(of shard: ShardKey) async throws -> [Int: Checkpoint] {
        state.withLock { InMemoryCheckpointStore.checkpoints(of: shard, in: $0.current) }
    }

    func layout(of shard: ShardKey) async throws -> LaneLayout? {
        layouts.withLock { $0[shard] }
    }

    func save(_ layout: LaneLayout, checkpoints: [Int: Checkpoint], of shard: ShardKey) async throws {
        layouts.withLock { $0[shard] = layout }
        state.withLock { state in
            InMemoryCheckpointStore.replace(&state.current, of: shard, laneCount: layout.laneCount, with: checkpoints)
            for (lane, checkpoint) in checkpoints.sorted(by: { $0.key < $1.key }) {
                state.saves.append((shard.lane(lane), checkpoint))
            }
        }
    }

    func checkpoint(for lane: LaneKey) async throws -> Checkpoint? {
        state.withLock { $0.current[lane] }
    }

    func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws {
        state.withLock {
            $0.current[lane] = checkpoint
            $0.saves.append((lane, checkpoint))
        }
    }

    /// The checkpoints saved for lane `lane` as record counters (`0` for the beginning), repeated saves of the same
    /// checkpoint collapsed.
    func history(lane: Int = 0) -> [Int] {
        let all = state.withLock { $0.saves }.filter { $0.0.lane == lane }.map { _, checkpoint in
            checkpoint.position.map { Fixture.counter($0.description) } ?? 0
        }
        return all.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }

    /// Lane `lane`'s stored checkpoint as a record counter (`0` for the beginning, `nil` when none).
    func stored(lane: Int = 0) -> Int? {
        state.withLock { state in
            state.current.first { $0.key.lane == lane }.map {
                $0.value.position.map { Fixture.counter($0.description) } ?? 0
            }
        }
    }
}

/// Keeps every on-failure record.
final class CollectingDestination: FailureDestination {
    let name = "failures/MessagingStream.Stream.jsonl"
    private let received = Mutex<[OnFailureRecord]>([])

    var records: [OnFailureRecord] { received.withLock { $0 } }

    func deliver(_ record: OnFailureRecord) async throws {
        received.withLock { $0.append(record) }
    }
}

/// A filter that passes the records a predicate accepts.
struct PredicateFilter: RecordFilter {
    let accepts: @Sendable (StreamRecord) -> Bool

    func matches(_ record: StreamRecord) -> Bool { accepts(record) }
}
