import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A global secondary index change held back until `due`, as AWS propagates GSI updates asynchronously: a row
/// being moved (delete + put) is missing from the index for a moment, and a new row shows up late.
///
/// Entries only hold keys (a read joins them to the current item), so what lags is membership: whether, and under
/// which index key, an item is found. The projected attributes of an item still in the index are its current ones.
struct IndexLag: Sendable {
    /// When the change becomes visible.
    var due: Date

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Queues the index entry change `remove` → `add` of one item (either may be nil).
    func enqueue(
        _ db: Database, table: TableSchema, index: IndexSchema, key: EncodedKey, remove: EncodedKey?, add: EncodedKey?
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO index_lag_queue (due, table_id, index_name, op, ipk, isk, pk, sk)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        if let remove {
            try statement.execute(
                arguments: [due.timeIntervalSince1970, table.id, index.name, 0, remove.pk, remove.sk, key.pk, key.sk])
        }
        if let add {
            try statement.execute(
                arguments: [due.timeIntervalSince1970, table.id, index.name, 1, add.pk, add.sk, key.pk, key.sk])
        }
    }

    /// Applies, in write order, up to `limit` queued changes due at `now`; returns how many were applied.
    static func applyDue(_ db: Database, now: Date, limit: Int) throws -> Int {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT seq, table_id, index_name, op, ipk, isk, pk, sk FROM index_lag_queue
                    WHERE due <= ? ORDER BY seq LIMIT ?
                    """),
            arguments: [now.timeIntervalSince1970, limit])
        guard let last = rows.last else { return 0 }
        let remove = try db.cachedStatement(
            sql: """
                DELETE FROM index_entries
                WHERE table_id = ? AND index_name = ? AND ipk = ? AND isk = ? AND pk = ? AND sk = ?
                """)
        let add = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO index_entries (table_id, index_name, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?, ?)")
        for row in rows {
            let operation: Int = row["op"]
            let tableID: Int64 = row["table_id"]
            let indexName: String = row["index_name"]
            let ipk: Data = row["ipk"]
            let isk: Data = row["isk"]
            let pk: Data = row["pk"]
            let sk: Data = row["sk"]
            let arguments: StatementArguments = [tableID, indexName, ipk, isk, pk, sk]
            try (operation == 0 ? remove : add).execute(arguments: arguments)
        }
        let lastSequence: Int64 = last["seq"]
        // Rows are applied in `seq` order and due times only grow with it, so the applied rows are exactly these.
        try db.execute(
            sql: "DELETE FROM index_lag_queue WHERE seq <= ? AND due <= ?",
            arguments: [lastSequence, now.timeIntervalSince1970])
        return rows.count
    }
}
