import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Item rows and their index entries, read and written inside a caller's transaction.
enum ItemStorage {
    /// The stored item at `key`, or nil.
    static func get(_ db: Database, table: TableSchema, key: EncodedKey) throws -> Item? {
        let statement = try db.cachedStatement(sql: "SELECT item FROM items WHERE table_id = ? AND pk = ? AND sk = ?")
        guard let data = try Data.fetchOne(statement, arguments: [table.id, key.pk, key.sk]) else { return nil }
        return try decode(data)
    }

    /// Writes `item` at `key` (insert or replace) and re-derives its index entries.
    /// With `lag`, global secondary index changes are queued until `lag.due` (``IndexLag``).
    static func put(
        _ db: Database, table: TableSchema, key: EncodedKey, item: Item, replacing old: Item?, lag: IndexLag? = nil
    ) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO items (table_id, pk, sk, item, size) VALUES (?, ?, ?, ?, ?)")
        try statement.execute(arguments: [table.id, key.pk, key.sk, try encode(item), ItemSize.of(item)])
        try reindex(db, table: table, key: key, old: old, new: item, lag: lag)
        if let attribute = table.timeToLiveAttribute {
            try TimeToLiveEntries.update(db, table: table, key: key, old: old?[attribute], new: item[attribute])
        }
    }

    /// Removes the item at `key` and its index entries.
    static func delete(_ db: Database, table: TableSchema, key: EncodedKey, old: Item, lag: IndexLag? = nil) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM items WHERE table_id = ? AND pk = ? AND sk = ?")
        try statement.execute(arguments: [table.id, key.pk, key.sk])
        try reindex(db, table: table, key: key, old: old, new: nil, lag: lag)
        if let attribute = table.timeToLiveAttribute {
            try TimeToLiveEntries.update(db, table: table, key: key, old: old[attribute], new: nil)
        }
    }

    /// Brings the index entries of one item in line with its new value (sparse: items lacking an
    /// index key attribute, or holding it with another type, are not in that index).
    static func reindex(
        _ db: Database, table: TableSchema, key: EncodedKey, old: Item?, new: Item?, lag: IndexLag? = nil
    ) throws {
        for index in table.indexes {
            let before = old.flatMap { indexKey(of: $0, in: index) }
            let after = new.flatMap { indexKey(of: $0, in: index) }
            if before == after { continue }
            if let lag, index.isGlobal {
                try lag.enqueue(db, table: table, index: index, key: key, remove: before, add: after)
                continue
            }
            if let before {
                try db.cachedStatement(
                    sql: """
                        DELETE FROM index_entries
                        WHERE table_id = ? AND index_name = ? AND ipk = ? AND isk = ? AND pk = ? AND sk = ?
                        """
                ).execute(arguments: [table.id, index.name, before.pk, before.sk, key.pk, key.sk])
            }
            if let after {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO index_entries (table_id, index_name, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [table.id, index.name, after.pk, after.sk, key.pk, key.sk])
            }
        }
    }

    /// The encoded index key of an item, or nil when the item is not in the index.
    static func indexKey(of item: Item, in index: IndexSchema) -> EncodedKey? {
        func part(_ attribute: KeyAttribute) -> Data? {
            guard let value = item[attribute.name], value.typeDescriptor == attribute.type.rawValue else { return nil }
            return KeyEncoding.encode(value)
        }
        guard let pk = part(index.key.hash) else { return nil }
        guard let range = index.key.range else { return EncodedKey(pk: pk, sk: Data()) }
        guard let sk = part(range) else { return nil }
        return EncodedKey(pk: pk, sk: sk)
    }

    /// Builds every entry of a new index from the table's items (UpdateTable create GSI).
    static func backfill(_ db: Database, table: TableSchema, index: IndexSchema) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT pk, sk, item FROM items WHERE table_id = ?", arguments: [table.id])
        var only = table
        only.indexes = [index]
        while let row = try rows.next() {
            let key = EncodedKey(pk: row["pk"], sk: row["sk"])
            try reindex(db, table: only, key: key, old: nil, new: try decode(row["item"]))
        }
    }

    /// Stored form of an item (``ItemCodec``).
    static func encode(_ item: Item) throws -> Data { ItemCodec.encode(item) }

    /// Item from its stored form.
    static func decode(_ data: Data) throws -> Item { try ItemCodec.decode(data) }
}
