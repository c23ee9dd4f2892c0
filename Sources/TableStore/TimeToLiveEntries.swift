import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `ttl_entries` rows: each item of a TTL-enabled table that holds a Number in the TTL attribute, by expiry.
enum TimeToLiveEntries {
    /// Brings an item's entry in line with its TTL value changing from `old` to `new` (nil: absent or deleted).
    static func update(
        _ db: Database, table: TableSchema, key: EncodedKey, old: AttributeValue?, new: AttributeValue?
    ) throws {
        let before = TimeToLiveRule.expiry(of: old)
        let after = TimeToLiveRule.expiry(of: new)
        if before == after { return }
        if let after {
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO ttl_entries (table_id, pk, sk, expires) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [table.id, key.pk, key.sk, after])
        } else {
            try db.cachedStatement(sql: "DELETE FROM ttl_entries WHERE table_id = ? AND pk = ? AND sk = ?")
                .execute(arguments: [table.id, key.pk, key.sk])
        }
    }

    /// Builds the entries of every item from the table's items (TTL being enabled on `attribute`).
    static func backfill(_ db: Database, tableID: Int64, attribute: String) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT pk, sk, item FROM items WHERE table_id = ?", arguments: [tableID])
        let insert = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO ttl_entries (table_id, pk, sk, expires) VALUES (?, ?, ?, ?)")
        while let row = try rows.next() {
            let item = try ItemStorage.decode(row["item"])
            guard let expires = TimeToLiveRule.expiry(of: item[attribute]) else { continue }
            let pk: Data = row["pk"]
            let sk: Data = row["sk"]
            try insert.execute(arguments: [tableID, pk, sk, expires])
        }
    }

    /// Removes every entry of a table (TTL being disabled).
    static func removeAll(_ db: Database, tableID: Int64) throws {
        try db.execute(sql: "DELETE FROM ttl_entries WHERE table_id = ?", arguments: [tableID])
    }

    /// Keys of up to `limit` items of the table due at `now` (expiry not in the future, not older than 5 years).
    static func due(_ db: Database, tableID: Int64, now: Date, limit: Int) throws -> [EncodedKey] {
        let current = now.timeIntervalSince1970
        return try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT pk, sk FROM ttl_entries WHERE table_id = ? AND expires <= ? AND expires >= ?
                    ORDER BY expires LIMIT ?
                    """),
            arguments: [tableID, current, current - TimeToLiveRule.maximumAge, limit]
        ).map { EncodedKey(pk: $0["pk"], sk: $0["sk"]) }
    }
}
