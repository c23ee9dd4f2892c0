import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// The shard ID of a stream (each stream here has exactly one shard).
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream.
    public func shardID(streamArn: String) async throws(DynamoDBError) -> String {
        try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: streamArn) else {
                throw DynamoDBError.streamNotFound(streamArn)
            }
            return stream.shardID
        }
    }

    /// The newest record's sequence number (where `LATEST` starts), `nil` for an empty stream.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream.
    public func latestSequenceNumber(streamArn: String) async throws(DynamoDBError) -> SequenceNumber? {
        let latest = try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: streamArn) else {
                throw DynamoDBError.streamNotFound(streamArn)
            }
            return try Self.latestSequence(db, stream)
        }
        return latest > 0 ? StreamSequence.number(latest) : nil
    }

    /// Whether the stream is closed (its table deleted or its stream disabled) and holds nothing after
    /// `sequenceNumber` (`nil`: from the beginning).
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    public func isReadToEnd(streamArn: String, after sequenceNumber: String?) async throws(DynamoDBError) -> Bool {
        let after = try Self.counter(sequenceNumber)
        return try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: streamArn) else {
                throw DynamoDBError.streamNotFound(streamArn)
            }
            guard let closed = stream.closedSequence else { return false }
            return after >= closed
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
