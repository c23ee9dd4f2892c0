import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A SQLite file of the state directory (checkpoints, tumbling windows, the asynchronous queue): opened in WAL mode,
/// created with its directory when missing, migrated to the latest schema; or the same schema in memory.
public enum StateDatabase {
    /// How hard SQLite syncs each commit: `NORMAL` survives the emulator being killed, `FULL` also an operating
    /// system crash.
    public enum Durability: String, Sendable {
        case normal = "NORMAL"
        case full = "FULL"
    }

    /// Opens (creating when missing) `file` in `directory` and applies `migrator`.
    public static func open(
        directory: String, file: String, durability: Durability, migrator: DatabaseMigrator
    ) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
        }
        let queue = try DatabaseQueue(
            path: URL(fileURLWithPath: directory).appendingPathComponent(file).path, configuration: configuration)
        try migrator.migrate(queue)
        return queue
    }

    /// A database in memory with `migrator`'s schema (`--in-memory` sessions).
    public static func inMemory(migrator: DatabaseMigrator) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try migrator.migrate(queue)
        return queue
    }
}
