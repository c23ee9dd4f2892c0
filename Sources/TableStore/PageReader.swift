import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads one page of a Query or Scan in key order, as DynamoDB pages: at most `limit` items
/// evaluated, at most 1 MB read (the item that crosses 1 MB is the last one), then a LastEvaluatedKey.
struct PageReader {
    /// DynamoDB's page size.
    static let pageBytes = 1024 * 1024

    /// The table or one of its indexes.
    var table: TableSchema
    var index: IndexSchema?
    /// The (encoded) partition for a Query; nil for a Scan.
    var partition: Data?
    var sortBounds = KeyRange.Bounds()
    var forward = true
    /// The encoded ordering tuple of the ExclusiveStartKey.
    var exclusiveStart: [Data]?
    var limit: Int?
    /// Scan segmentation: (segment, totalSegments).
    var segment: (Int, Int)?

    /// One evaluated item and the ordering tuple to resume after it.
    struct Entry {
        var item: Item
        var order: [Data]
    }

    /// The evaluated entries and whether the page stopped before the end (so a LastEvaluatedKey is due).
    func read(_ db: Database) throws -> (entries: [Entry], truncated: Bool) {
        let isIndex = index != nil
        let (pkColumn, skColumn) = isIndex ? ("e.ipk", "e.isk") : ("i.pk", "i.sk")
        // Columns that order rows within the read (after fixing the partition, for a Query).
        var orderColumns = isIndex ? ["e.ipk", "e.isk", "e.pk", "e.sk"] : ["i.pk", "i.sk"]
        if partition != nil { orderColumns.removeFirst() }
        var sql = "SELECT \(orderColumns.joined(separator: ", ")), i.pk AS tpk, i.item FROM "
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let index {
            sql += """
                index_entries e JOIN items i ON i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk
                WHERE e.table_id = ? AND e.index_name = ?
                """
            arguments += [table.id, index.name]
        } else {
            sql += "items i WHERE i.table_id = ?"
            arguments.append(table.id)
        }
        if let partition {
            sql += " AND \(pkColumn) = ?"
            arguments.append(partition)
        }
        if let (lower, inclusive) = sortBounds.lower {
            sql += " AND \(skColumn) \(inclusive ? ">=" : ">") ?"
            arguments.append(lower)
        }
        if let (upper, inclusive) = sortBounds.upper {
            sql += " AND \(skColumn) \(inclusive ? "<=" : "<") ?"
            arguments.append(upper)
        }
        if let exclusiveStart, exclusiveStart.count == orderColumns.count {
            sql += " AND (\(orderColumns.joined(separator: ", "))) \(forward ? ">" : "<") ("
            sql += Array(repeating: "?", count: orderColumns.count).joined(separator: ", ") + ")"
            arguments += exclusiveStart.map { $0 as (any DatabaseValueConvertible)? }
        }
        sql += " ORDER BY " + orderColumns.map { "\($0) \(forward ? "ASC" : "DESC")" }.joined(separator: ", ")
        if segment == nil, let limit { sql += " LIMIT \(limit)" }
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
        var entries: [Entry] = []
        var bytes = 0
        while let row = try rows.next() {
            if let (segmentNumber, total) = segment {
                let partitionBytes: Data = row["tpk"]
                if Self.segment(of: partitionBytes, total: total) != segmentNumber { continue }
            }
            let item = try ItemStorage.decode(row["item"])
            bytes += ItemSize.of(item)
            entries.append(Entry(item: item, order: orderColumns.indices.map { row[$0] }))
            // Like DynamoDB, no look-ahead: reaching the limit or 1 MB ends the page with a LastEvaluatedKey.
            if let limit, entries.count >= limit { return (entries, true) }
            if bytes >= Self.pageBytes { return (entries, true) }
        }
        return (entries, false)
    }

    /// The Scan segment of a partition: a stable hash (FNV-1a) of its key bytes.
    static func segment(of partition: Data, total: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in partition {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(total))
    }
}
