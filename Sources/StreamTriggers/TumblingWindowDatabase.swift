import EventSourceMapping
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Each lane's open tumbling window and its state in SQLite (`tumbling-windows.sqlite` in the state directory),
/// WAL with `synchronous=NORMAL` like the checkpoints: a window's state survives the emulator being killed.
final class TumblingWindowDatabase: TumblingWindowStore {
    private let queue: DatabaseQueue

    /// Opens (creating when missing) `tumbling-windows.sqlite` in `directory`.
    init(directory: String) throws {
        queue = try StateDatabase.open(
            directory: directory, file: "tumbling-windows.sqlite", durability: .normal, migrator: Self.migrator)
    }

    /// A database in memory, for `--in-memory` sessions.
    init() throws {
        queue = try StateDatabase.inMemory(migrator: Self.migrator)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-open-windows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE open_windows (
                        mapping_uuid TEXT NOT NULL, stream_arn TEXT NOT NULL, shard_id TEXT NOT NULL,
                        lane INTEGER NOT NULL,
                        window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, state BLOB NOT NULL,
                        PRIMARY KEY (mapping_uuid, stream_arn, shard_id, lane));
                    """)
        }
        return migrator
    }

    func openWindow(for lane: LaneKey) async throws -> TumblingWindowState? {
        try await queue.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT window_start, window_end, state FROM open_windows
                        WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ? AND lane = ?
                        """, arguments: [lane.mappingUUID, lane.streamARN, lane.shardID, lane.lane])
            else { return nil }
            let state: Data = row["state"]
            return TumblingWindowState(
                window: TumblingWindow(start: row["window_start"], end: row["window_end"]), state: Array(state))
        }
    }

    func save(_ window: TumblingWindowState?, for lane: LaneKey) async throws {
        try await queue.write { db in
            guard let window else {
                try db.execute(
                    sql: """
                        DELETE FROM open_windows
                        WHERE mapping_uuid = ? AND stream_arn = ? AND shard_id = ? AND lane = ?
                        """, arguments: [lane.mappingUUID, lane.streamARN, lane.shardID, lane.lane])
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO open_windows (mapping_uuid, stream_arn, shard_id, lane, window_start, window_end, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (mapping_uuid, stream_arn, shard_id, lane) DO UPDATE SET
                        window_start = excluded.window_start, window_end = excluded.window_end, state = excluded.state
                    """,
                arguments: [
                    lane.mappingUUID, lane.streamARN, lane.shardID, lane.lane, window.window.start, window.window.end,
                    Data(window.state),
                ])
        }
    }
}
