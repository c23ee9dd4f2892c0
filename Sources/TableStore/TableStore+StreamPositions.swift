import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// The stream's newest shard (its open one while the stream is enabled).
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream.
    public func shardID(streamArn: String) async throws(DynamoDBError) -> String {
        try await read { db in
            guard let shard = try StreamShardCatalog.newest(db, streamARN: streamArn) else {
                throw DynamoDBError.streamNotFound(streamArn)
            }
            return shard.id
        }
    }

    /// The newest record's sequence number of the stream or of its shard `shardID` (where `LATEST` starts: a closed
    /// shard's end), `nil` when there is none.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream or shard.
    public func latestSequenceNumber(streamArn: String, shardID: String? = nil) async throws(DynamoDBError)
        -> SequenceNumber?
    {
        let latest = try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: streamArn) else {
                throw DynamoDBError.streamNotFound(streamArn)
            }
            let shard = try shardID.map { try Self.load(db, streamARN: streamArn, shardID: $0).1 }
            return try Self.latestSequence(db, stream, shard: shard)
        }
        return latest > 0 ? StreamSequence.number(latest) : nil
    }

    /// Whether the stream (or its shard `shardID`) is closed — its table deleted, its stream disabled, or the shard
    /// rolled over — and holds nothing after `sequenceNumber` (`nil`: from the beginning).
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    public func isReadToEnd(streamArn: String, shardID: String? = nil, after sequenceNumber: String?)
        async throws(DynamoDBError) -> Bool
    {
        let after = try Self.counter(sequenceNumber)
        return try await read { db in
            guard let end = try Self.bounds(db, streamARN: streamArn, shardID: shardID).end else { return false }
            return after >= end
        }
    }

    /// How many retained records follow `sequenceNumber` (`nil`: all of them), and when the first was written.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException for a sequence number not made by this store.
    public func recordsAfter(streamArn: String, sequenceNumber: String?) async throws(DynamoDBError)
        -> (count: Int, oldest: Date?)
    {
        let after = try Self.counter(sequenceNumber)
        let horizon = configuration.now().addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        return try await read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS count, MIN(created) AS oldest FROM stream_records
                    WHERE stream_arn = ? AND seq > ? AND created >= ?
                    """, arguments: [streamArn, after, horizon])
            let count: Int = row?["count"] ?? 0
            let oldest: Double? = row?["oldest"]
            return (count, oldest.map { Date(timeIntervalSince1970: $0.rounded(.down)) })
        }
    }
}
