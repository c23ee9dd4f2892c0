import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A shard as stored: the records of its stream with a sequence counter above ``startAfter`` and, once it is closed,
/// at most ``end``.
struct StoredShard: Sendable, Equatable {
    var id: String
    var parentID: String?
    /// The counter its first record follows (its parent's last one; 0 for a stream's first shard).
    var startAfter: Int64
    /// Its last counter once closed (by a rollover, or its stream being disabled or its table deleted).
    var end: Int64?

    /// Whether counter `sequence` lies in the shard.
    func contains(_ sequence: Int64) -> Bool {
        sequence > startAfter && end.map { sequence <= $0 } ?? true
    }
}

/// Reads and writes the `stream_shards` rows: a stream's shards and their rollover every N records.
enum StreamShardCatalog {
    /// Opens the first shard of a new stream.
    static func open(_ db: Database, streamARN: String, shardID: String) throws {
        try db.execute(
            sql: "INSERT INTO stream_shards (stream_arn, shard_id, start_after) VALUES (?, ?, 0)",
            arguments: [streamARN, shardID])
    }

    /// Closes the stream's open shard after its last record so far.
    static func closeOpenShard(_ db: Database, streamARN: String) throws {
        try db.execute(
            sql: """
                UPDATE stream_shards SET end_seq = MAX(start_after, COALESCE(
                    (SELECT MAX(seq) FROM stream_records WHERE stream_arn = ?1), 0))
                WHERE stream_arn = ?1 AND end_seq IS NULL
                """, arguments: [streamARN])
    }

    /// Counts record `sequence` in the stream's open shard and, when that makes `limit` records, closes the shard
    /// there and opens its child (`start --stream-shard-records`).
    static func countRecord(_ db: Database, streamARN: String, sequence: Int64, limit: Int, now: Date) throws {
        try db.cachedStatement(
            sql: "UPDATE stream_shards SET records = records + 1 WHERE stream_arn = ? AND end_seq IS NULL"
        ).execute(arguments: [streamARN])
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT shard_id, records FROM stream_shards WHERE stream_arn = ? AND end_seq IS NULL"),
                arguments: [streamARN]),
            (row["records"] as Int) >= limit
        else { return }
        let parent: String = row["shard_id"]
        try db.execute(
            sql: "UPDATE stream_shards SET end_seq = ? WHERE stream_arn = ? AND shard_id = ?",
            arguments: [sequence, streamARN, parent])
        try db.execute(
            sql: """
                INSERT INTO stream_shards (stream_arn, shard_id, parent_shard_id, start_after) VALUES (?, ?, ?, ?)
                """, arguments: [streamARN, childID(after: parent, now: now), parent, sequence])
    }

    /// A new shard id that sorts after `parent` (ids order shards oldest first, as DescribeStream lists them).
    static func childID(after parent: String, now: Date) -> String {
        var created = now
        while true {
            let id = ShardID(createdAt: created, suffix: UInt32.random(in: 0...UInt32.max)).description
            if id > parent { return id }
            created += 0.001
        }
    }

    /// The shard `shardID` of the stream, or nil.
    static func load(_ db: Database, streamARN: String, shardID: String) throws -> StoredShard? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM stream_shards WHERE stream_arn = ? AND shard_id = ?",
            arguments: [streamARN, shardID]
        ).map(shard(from:))
    }

    /// The stream's shards oldest first, after `exclusiveStart` (nil: from the first), at most `limit`.
    static func list(_ db: Database, streamARN: String, after exclusiveStart: String?, limit: Int) throws
        -> [StoredShard]
    {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM stream_shards WHERE stream_arn = ? AND shard_id > ? ORDER BY shard_id LIMIT ?",
            arguments: [streamARN, exclusiveStart ?? "", limit]
        ).map(shard(from:))
    }

    /// The stream's newest shard (its open one while the stream is enabled).
    static func newest(_ db: Database, streamARN: String) throws -> StoredShard? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM stream_shards WHERE stream_arn = ? ORDER BY shard_id DESC LIMIT 1",
            arguments: [streamARN]
        ).map(shard(from:))
    }

    private static func shard(from row: Row) -> StoredShard {
        StoredShard(
            id: row["shard_id"], parentID: row["parent_shard_id"], startAfter: row["start_after"], end: row["end_seq"])
    }
}
