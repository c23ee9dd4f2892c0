import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stream as stored: one per (table, enablement); its shards are in ``StreamShardCatalog``.
struct StoredStream: Sendable, Equatable {
    var arn: String
    var tableName: String
    var label: String
    var viewType: StreamViewType
    /// Its first shard.
    var shardID: String
    var keySchema: [KeySchemaElement]
    var created: Date
    /// The last sequence number of the stream once it is disabled or its table deleted.
    var closedSequence: Int64?
}

/// Reads and writes the `streams` rows.
enum StreamCatalog {
    /// Creates a stream for a table: a new label (UTC, milliseconds, no zone), ARN and shard.
    static func create(
        _ db: Database, tableName: String, tableARN: String, viewType: StreamViewType, keySchema: [KeySchemaElement],
        now: Date, configuration: TableStore.Configuration
    ) throws -> StoredStream {
        var created = now
        var label = StreamARN.label(for: created)
        // A label names a stream uniquely per table; re-enabling within the same millisecond moves on by one.
        while try Bool.fetchOne(
            db, sql: "SELECT 1 FROM streams WHERE arn = ?", arguments: ["\(tableARN)/stream/\(label)"])
            == true
        {
            created += 0.001
            label = StreamARN.label(for: created)
        }
        let shardID = ShardID(createdAt: created, suffix: UInt32.random(in: 0...UInt32.max)).description
        let stream = StoredStream(
            arn: "\(tableARN)/stream/\(label)", tableName: tableName, label: label, viewType: viewType,
            shardID: shardID, keySchema: keySchema, created: created, closedSequence: nil)
        try db.execute(
            sql: """
                INSERT INTO streams (arn, table_name, label, view_type, shard_id, key_schema, created)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                stream.arn, tableName, label, viewType.rawValue, shardID, try JSONEncoder().encode(keySchema),
                created.timeIntervalSince1970,
            ])
        try StreamShardCatalog.open(db, streamARN: stream.arn, shardID: shardID)
        return stream
    }

    /// Closes a stream and its open shard at the last sequence number written so far (0 when it holds no records);
    /// once the transaction commits, its waiting readers resume and find it closed.
    static func close(_ db: Database, arn: String, waiters: StreamWaiters) throws {
        db.afterNextTransaction { _ in waiters.closed(arn: arn) }
        try db.execute(
            sql: """
                UPDATE streams SET closed_sequence = COALESCE(
                    (SELECT MAX(seq) FROM stream_records WHERE stream_arn = ?), 0)
                WHERE arn = ? AND closed_sequence IS NULL
                """, arguments: [arn, arn])
        try StreamShardCatalog.closeOpenShard(db, streamARN: arn)
    }

    /// The stream with this ARN, or nil.
    static func load(_ db: Database, arn: String) throws -> StoredStream? {
        try Row.fetchOne(db, sql: "SELECT * FROM streams WHERE arn = ?", arguments: [arn]).map(stream(from:))
    }

    /// Streams in ARN order, optionally of one table, after `exclusiveStart`.
    static func list(_ db: Database, tableName: String?, after exclusiveStart: String?, limit: Int) throws
        -> [StoredStream]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM streams WHERE (?1 IS NULL OR table_name = ?1) AND arn > ?2 ORDER BY arn LIMIT ?3
                """, arguments: [tableName, exclusiveStart ?? "", limit]
        ).map(stream(from:))
    }

    private static func stream(from row: Row) throws -> StoredStream {
        StoredStream(
            arn: row["arn"], tableName: row["table_name"], label: row["label"],
            viewType: StreamViewType(rawValue: row["view_type"]) ?? .keysOnly,
            shardID: row["shard_id"],
            keySchema: try JSONDecoder().decode([KeySchemaElement].self, from: row["key_schema"] as Data),
            created: Date(timeIntervalSince1970: row["created"]), closedSequence: row["closed_sequence"])
    }
}
