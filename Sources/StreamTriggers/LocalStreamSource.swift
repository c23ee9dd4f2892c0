import FunctionRunner
import DynamoDBTypes
import EventSourceMapping
import TableStore

/// A stream of the embedded store, read directly (no HTTP); new records wake waiting lanes at once.
struct LocalStreamSource: StreamRecordSource {
    let store: TableStore
    let streamARN: String
    let shardID: String

    /// The source for `streamARN` in `store`.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException when the stream does not exist.
    init(store: TableStore, streamARN: String) async throws {
        self.store = store
        self.streamARN = streamARN
        self.shardID = try await store.shardID(streamArn: streamARN)
    }

    func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord] {
        try await store.readRecords(streamArn: streamARN, after: position?.description, limit: limit)
    }

    /// Waits for records after `position`; throws ``ShardEnded`` once the stream is closed and read to its end.
    func waitForRecords(after position: SequenceNumber?) async throws {
        if try await store.waitForRecords(streamArn: streamARN, after: position?.description) {
            throw ShardEnded(streamARN: streamARN, shardID: shardID)
        }
    }

    func latestSequenceNumber() async throws -> SequenceNumber? {
        try await store.latestSequenceNumber(streamArn: streamARN)
    }

    func backlog(after position: SequenceNumber?) async throws -> Backlog? {
        let (count, oldest) = try await store.recordsAfter(streamArn: streamARN, sequenceNumber: position?.description)
        return Backlog(count: count, oldestRecordTime: oldest)
    }
}
