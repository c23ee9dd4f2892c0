import DynamoDBTypes
import GRDB
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads and writes the `tables` rows; each holds the table's wire description as JSON.
enum TableCatalog {
    /// The schema of table `name`; ValidationException for a name outside `[a-zA-Z0-9_.-]{3,255}` (no table
    /// can have it), ResourceNotFoundException for a valid name no table has.
    static func load(_ db: Database, name: String) throws -> TableSchema {
        try CreateTableValidation.validateTableName(name)
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, description, ttl_attribute FROM tables WHERE name = ?"),
                arguments: [name])
        else { throw DynamoDBError.tableNotFound }
        let id: Int64 = row["id"]
        let stored: Data = row["description"]
        let timeToLive: String? = row["ttl_attribute"]
        if var cached = SchemaCache.shared.schema(id: id, stored: stored) {
            cached.timeToLiveAttribute = timeToLive
            return cached
        }
        let description = try JSONDecoder().decode(TableDescription.self, from: stored)
        var result = try schema(id: id, description: description)
        SchemaCache.shared.store(result, stored: stored)
        result.timeToLiveAttribute = timeToLive
        return result
    }

    /// All table names in byte order, starting after `exclusiveStart`.
    static func names(_ db: Database, after exclusiveStart: String?, limit: Int) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM tables WHERE name > ? ORDER BY name LIMIT ?",
            arguments: [exclusiveStart ?? "", limit])
    }

    /// Inserts a new table row and returns its id.
    static func insert(_ db: Database, description: TableDescription) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO tables (name, description) VALUES (?, ?)",
            arguments: [description.tableName, try encode(description)])
        return db.lastInsertedRowID
    }

    /// Replaces a table's stored description.
    static func update(_ db: Database, id: Int64, description: TableDescription) throws {
        try db.execute(
            sql: "UPDATE tables SET description = ? WHERE id = ?", arguments: [try encode(description), id])
    }

    /// Deletes a table, its items and index entries (cascade).
    static func delete(_ db: Database, id: Int64) throws {
        try db.execute(sql: "DELETE FROM tables WHERE id = ?", arguments: [id])
    }

    /// Derives the engine's schema from a stored description.
    static func schema(id: Int64, description: TableDescription) throws -> TableSchema {
        let definitions = Dictionary(
            (description.attributeDefinitions ?? []).map { ($0.attributeName, $0.attributeType) },
            uniquingKeysWith: { first, _ in first })
        func shape(_ elements: [KeySchemaElement]?) throws -> KeyShape {
            guard let elements, let hash = elements.first(where: { $0.keyType == .hash }),
                let hashType = definitions[hash.attributeName]
            else { throw DynamoDBError(.internalServerError, "Stored table description is not valid") }
            let range = elements.first(where: { $0.keyType == .range }).flatMap { element in
                definitions[element.attributeName].map { KeyAttribute(name: element.attributeName, type: $0) }
            }
            return KeyShape(hash: KeyAttribute(name: hash.attributeName, type: hashType), range: range)
        }
        var indexes: [IndexSchema] = []
        for index in description.globalSecondaryIndexes ?? [] {
            indexes.append(
                IndexSchema(
                    name: index.indexName ?? "", isGlobal: true, key: try shape(index.keySchema),
                    projection: index.projection ?? Projection(projectionType: .all)))
        }
        for index in description.localSecondaryIndexes ?? [] {
            indexes.append(
                IndexSchema(
                    name: index.indexName ?? "", isGlobal: false, key: try shape(index.keySchema),
                    projection: index.projection ?? Projection(projectionType: .all)))
        }
        return TableSchema(
            id: id, name: description.tableName ?? "", key: try shape(description.keySchema), indexes: indexes,
            description: description)
    }

    private static func encode(_ description: TableDescription) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(description)
    }
}

/// Decoded schemas keyed by their stored bytes: decoding the description JSON on every request was a
/// large share of a Query. Content-addressed (table id + exact stored bytes), so it can never be stale.
final class SchemaCache: Sendable {
    static let shared = SchemaCache()
    private static let capacity = 256

    private struct Entry {
        var stored: Data
        var schema: TableSchema
    }

    private let entries = Mutex<[Int64: Entry]>([:])

    /// The schema decoded from exactly these bytes, if cached.
    func schema(id: Int64, stored: Data) -> TableSchema? {
        entries.withLock { entries in
            guard let entry = entries[id], entry.stored == stored else { return nil }
            return entry.schema
        }
    }

    /// Caches a schema decoded from `stored`.
    func store(_ schema: TableSchema, stored: Data) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[schema.id] = Entry(stored: stored, schema: schema)
        }
    }
}
