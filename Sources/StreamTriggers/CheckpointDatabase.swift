import FunctionRunner
import DynamoDBTypes
import EventSourceMapping
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Mapping UUIDs, lane checkpoints and the lane layout of each shard (as JSON) in SQLite (`mappings.sqlite` in the state directory).
///
/// WAL with `synchronous=NORMAL`, like the table store: a saved checkpoint survives the emulator being killed
/// (`kill -9`); only an operating-system crash could lose the last few, which then means redelivery, never a skip.
final class CheckpointDatabase: CheckpointStore, ShardProgressStore {
    private let queue: DatabaseQueue

    /// Opens (creating when missing) `mappings.sqlite` in `directory`.
    init(directory: String) throws {
        queue = try StateDatabase.open(
            directory: directory, file: "mappings.sqlite", durability: .normal, migrator: Self.migrator)
    }

    /// A database in memory, for `--in-memory` sessions.
    init() throws {
        queue = try StateDatabase.inMemory(migrator: Self.migrator)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-mappings-and-checkpoints") { db in
            try db.execute(
                sql: """
                    CREATE TABLE mappings (name TEXT PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE);
                    CREATE TABLE checkpoints (
                        mapping_uuid TEXT NOT NULL, stream_arn TEXT NOT NULL, shard_id TEXT NOT NULL, lane INTEGER NOT NULL,
                        position TEXT, updated REAL NOT NULL,
                        PRIMARY KEY (mapping_uuid, stream_arn, shard_id, lane));
                    """)
        }
        migrator.registerMigration("v2-lane-layouts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE lane_layouts (
                        mapping_uuid TEXT NOT NULL, stream_arn TEXT NOT NULL, shard_id TEXT NOT NULL,
                        layout TEXT NOT NULL, updated REAL NOT NULL,
                        PRIMARY KEY (mapping_uuid, stream_arn, shard_id));
                    """)
        }
        migrator.registerMigration("v3-finished-shards") { db in
            // The shards each mapping read to their end: their children are read next, they are never read again.
            try db.execute(
                sql: """
                    CREATE TABLE finished_shards (
                        mapping_uuid TEXT NOT NULL, stream_arn TEXT NOT NULL, shard_id TEXT NOT NULL, finished REAL NOT NULL,
                        PRIMARY KEY (mapping_uuid, stream_arn, shard_id));
                    """)
        }
        return migrator
    }

    func finishedShards(mappingUUID: String, streamARN: String) async throws -> Set<String> {
        try await shardIDs(
            sql: "SELECT shard_id FROM finished_shards WHERE mapping_uuid = ? AND stream_arn = ?",
            mappingUUID: mappingUUID, streamARN: streamARN)
    }

    func startedShards(mappingUUID: String, streamARN: String) async throws -> Set<String> {
        try await shardIDs(
            sql: "SELECT DISTINCT shard_id FROM checkpoints WHERE mapping_uuid = ? AND stream_arn = ?",
            mappingUUID: mappingUUID, streamARN: streamARN)
    }

    private func shardIDs(sql: String, mappingUUID: String, streamARN: String) async throws -> Set<String> {
        Set(try await queue.read { db in try String.fetchAll(db, sql: sql, arguments: [mappingUUID, streamARN]) })
    }

    func markFinished(_ shard: ShardKey) async throws {
        let now = Date().timeIntervalSince1970
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO finished_shards (mapping_uuid, stream_arn, shard_id, finished) VALUES (?, ?, ?, ?)
                    """, arguments: [shard.mappingUUID, shard.streamARN, shard.shardID, now])
        }
    }

    /// The UUID of the mapping called `name`, made the first time it is asked for and kept ever after.
    func uuid(forMapping name: String) throws -> String {
        try queue.write { db in
            if let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM mappings WHERE name = ?", arguments: [name]) {
                return uuid
            }
            let uuid = UUID().uuidString.lowercased()
            try db.execute(sql: "INSERT INTO mappings (name, uuid) VALUES (?, ?)", arguments: [name, uuid])
            return uuid
        }
    }

    func checkpoint(for lane: LaneKey) async throws -> Checkpoint? {
        // An empty string stands for `.beginning` (a NULL position), so the read result is Sendable.
        let position = try await queue.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(position, '') FROM checkpoints
                    WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ? AND lane = ?
                    """, arguments: [lane.mappingUUID, lane.streamARN, lane.shardID, lane.lane])
        }
        guard let position else { return nil }
        return position.isEmpty ? .beginning : .after(try SequenceNumber(position))
    }

    func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws {
        let now = Date().timeIntervalSince1970
        try await queue.write { db in
            try Self.upsert(
                checkpoint, mappingUUID: lane.mappingUUID, streamARN: lane.streamARN, shardID: lane.shardID,
                lane: lane.lane, updated: now, in: db)
        }
    }

    /// Writes (or replaces) one lane's checkpoint.
    private static func upsert(
        _ checkpoint: Checkpoint, mappingUUID: String, streamARN: String, shardID: String, lane: Int,
        updated: Double, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO checkpoints (mapping_uuid, stream_arn, shard_id, lane, position, updated)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (mapping_uuid, stream_arn, shard_id, lane)
                DO UPDATE SET position = excluded.position, updated = excluded.updated
                """,
            arguments: [mappingUUID, streamARN, shardID, lane, checkpoint.position?.description, updated])
    }

    func checkpoints(of shard: ShardKey) async throws -> [Int: Checkpoint] {
        let rows = try await queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT lane, COALESCE(position, '') AS position FROM checkpoints
                    WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ?
                    """, arguments: [shard.mappingUUID, shard.streamARN, shard.shardID]
            ).map { (lane: $0["lane"] as Int, position: $0["position"] as String) }
        }
        var checkpoints: [Int: Checkpoint] = [:]
        for row in rows {
            checkpoints[row.lane] = row.position.isEmpty ? .beginning : .after(try SequenceNumber(row.position))
        }
        return checkpoints
    }

    func layout(of shard: ShardKey) async throws -> LaneLayout? {
        let text = try await queue.read { db in
            try String.fetchOne(
                db,
                sql: "SELECT layout FROM lane_layouts WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ?",
                arguments: [shard.mappingUUID, shard.streamARN, shard.shardID])
        }
        guard let text else { return nil }
        return try JSONDecoder().decode(LaneLayout.self, from: Data(text.utf8))
    }

    func save(_ layout: LaneLayout, checkpoints: [Int: Checkpoint], of shard: ShardKey) async throws {
        let text = String(decoding: try JSONEncoder().encode(layout), as: UTF8.self)
        let now = Date().timeIntervalSince1970
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO lane_layouts (mapping_uuid, stream_arn, shard_id, layout, updated) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (mapping_uuid, stream_arn, shard_id)
                    DO UPDATE SET layout = excluded.layout, updated = excluded.updated
                    """, arguments: [shard.mappingUUID, shard.streamARN, shard.shardID, text, now])
            try db.execute(
                sql: "DELETE FROM checkpoints WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ? AND lane >= ?",
                arguments: [shard.mappingUUID, shard.streamARN, shard.shardID, layout.laneCount])
            for (lane, checkpoint) in checkpoints {
                try Self.upsert(
                    checkpoint, mappingUUID: shard.mappingUUID, streamARN: shard.streamARN, shardID: shard.shardID,
                    lane: lane, updated: now, in: db)
            }
        }
    }
}
