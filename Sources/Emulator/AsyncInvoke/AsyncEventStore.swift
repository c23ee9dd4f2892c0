import GRDB
import Foundation
import StreamTriggers

/// The asynchronous invocation queue in SQLite (`async-events.sqlite` in the state directory): an accepted event is
/// written (WAL, `synchronous=FULL`) before its `202` is sent and deleted only once it reached its end (success,
/// destination or discard), so it survives a restart; payloads stay on disk until an attempt reads one.
final class AsyncEventStore: Sendable {
    private let queue: DatabaseQueue
    /// The file, or `nil` when the queue is in memory (`--in-memory`).
    let path: String?

    /// Opens (creating when missing) `async-events.sqlite` in `directory`.
    init(directory: String) throws {
        queue = try StateDatabase.open(
            directory: directory, file: "async-events.sqlite", durability: .full, migrator: Self.migrator)
        path = URL(fileURLWithPath: directory).appendingPathComponent("async-events.sqlite").path
    }

    /// A queue in memory, for `--in-memory` sessions (accepted events then end with the emulator).
    init() throws {
        queue = try StateDatabase.inMemory(migrator: Self.migrator)
        path = nil
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-async-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        request_id TEXT PRIMARY KEY NOT NULL, function TEXT NOT NULL, payload BLOB NOT NULL,
                        client_context TEXT, attempts INTEGER NOT NULL, accepted_at REAL NOT NULL,
                        not_before REAL NOT NULL);
                    CREATE INDEX events_due ON events (not_before);
                    """)
        }
        migrator.registerMigration("v2-qualifier") { db in
            try db.execute(sql: "ALTER TABLE events ADD COLUMN qualifier TEXT")
        }
        return migrator
    }

    /// Keeps `event` (durably, before this returns).
    func enqueue(_ event: QueuedEvent) async throws {
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO events (
                        request_id, function, payload, client_context, attempts, accepted_at, not_before, qualifier)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    event.requestID, event.function, event.payload, event.clientContext, event.attempts,
                    event.acceptedAt.timeIntervalSince1970, event.notBefore.timeIntervalSince1970, event.qualifier,
                ])
        }
    }

    /// The request IDs and functions of events due at `now`, oldest due first, without their payloads.
    func due(at now: Date, limit: Int) async throws -> [(requestID: String, function: String)] {
        try await queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT request_id, function FROM events WHERE not_before <= ? ORDER BY not_before LIMIT ?",
                arguments: [now.timeIntervalSince1970, limit]
            ).map { (requestID: $0["request_id"], function: $0["function"]) }
        }
    }

    /// The whole event, payload included; `nil` once it is gone.
    func event(_ requestID: String) async throws -> QueuedEvent? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM events WHERE request_id = ?", arguments: [requestID]).map {
                QueuedEvent(
                    requestID: $0["request_id"], function: $0["function"], payload: $0["payload"],
                    clientContext: $0["client_context"], attempts: $0["attempts"],
                    acceptedAt: Date(timeIntervalSince1970: $0["accepted_at"]),
                    notBefore: Date(timeIntervalSince1970: $0["not_before"]), qualifier: $0["qualifier"])
            }
        }
    }

    /// Records an attempt's outcome: `attempts` so far and when the next attempt may run.
    func reschedule(_ requestID: String, attempts: Int, notBefore: Date) async throws {
        try await queue.write { db in
            try db.execute(
                sql: "UPDATE events SET attempts = ?, not_before = ? WHERE request_id = ?",
                arguments: [attempts, notBefore.timeIntervalSince1970, requestID])
        }
    }

    /// Removes an event that reached its end.
    func remove(_ requestID: String) async throws {
        try await queue.write { db in
            try db.execute(sql: "DELETE FROM events WHERE request_id = ?", arguments: [requestID])
        }
    }

    /// How many events wait (due or not).
    func count() async throws -> Int {
        try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }
}
