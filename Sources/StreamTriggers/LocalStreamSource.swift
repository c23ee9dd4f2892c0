import FunctionRunner
import DynamoDBTypes
import EventSourceMapping
import TableStore

/// A shard of a stream of the embedded store, read directly (no HTTP); new records wake waiting lanes at once.
struct LocalStreamSource: StreamRecordSource {
    let store: TableStore
    let streamARN: String
    let shardID: String

    func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord] {
        try await store.readRecords(streamArn: streamARN, shardID: shardID, after: position?.description, limit: limit)
    }

    /// Waits for records after `position`; throws ``ShardEnded`` once the shard is closed and read to its end.
    func waitForRecords(after position: SequenceNumber?) async throws {
        if try await store.waitForRecords(streamArn: streamARN, shardID: shardID, after: position?.description) {
            throw ShardEnded(streamARN: streamARN, shardID: shardID)
        }
    }

    func latestSequenceNumber() async throws -> SequenceNumber? {
        try await store.latestSequenceNumber(streamArn: streamARN, shardID: shardID)
    }

    /// The records after `position` in the whole stream: this shard's and its descendants', all still to be read.
    func backlog(after position: SequenceNumber?) async throws -> Backlog? {
        let (count, oldest) = try await store.recordsAfter(streamArn: streamARN, sequenceNumber: position?.description)
        return Backlog(count: count, oldestRecordTime: oldest)
    }
}

extension DescribedStream {
    /// Stream `streamARN` of the embedded `store`, its shards described in process.
    static func local(store: TableStore, streamARN: String) -> DescribedStream {
        DescribedStream(
            streamARN: streamARN, describe: { try await store.describeStream($0) },
            reader: { LocalStreamSource(store: store, streamARN: streamARN, shardID: $0) },
            pollInterval: .milliseconds(250))
    }
}
