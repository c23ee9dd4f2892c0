import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one path every item write takes (PutItem, UpdateItem, DeleteItem, batches, transactions):
/// validation of the new item, the row, its index entries and its stream record, in the caller's transaction.
struct ItemMutation {
    let table: TableSchema
    let now: Date
    let waiters: StreamWaiters
    /// The store's global secondary index lag; zero updates the indexes now.
    let indexLag: Duration
    /// Records per stream shard before it rolls over (`nil`: never).
    let shardRecords: Int?

    /// Replaces the item at `key` (whose current value is `old`) with `new`, or deletes it when `new` is nil.
    /// `userIdentity` marks a change the service itself makes (a Time to Live deletion) in its stream record.
    func apply(_ db: Database, key: EncodedKey, old: Item?, new: Item?, userIdentity: UserIdentity? = nil) throws {
        let lag = indexLag == .zero ? nil : IndexLag(due: now.addingTimeInterval(IndexLag.seconds(indexLag)))
        if let new {
            try ItemStorage.put(db, table: table, key: key, item: new, replacing: old, lag: lag)
        } else if let old {
            try ItemStorage.delete(db, table: table, key: key, old: old, lag: lag)
        }
        try StreamWriter.record(
            db, table: table, old: old, new: new, now: now, waiters: waiters, shardRecords: shardRecords,
            userIdentity: userIdentity)
    }

    /// Checks a complete new item: size limit and the types of secondary index key attributes.
    static func validate(_ item: Item, table: TableSchema) throws(DynamoDBError) {
        if ItemSize.of(item) > ItemSize.maximum {
            throw .validation("Item size has exceeded the maximum allowed size")
        }
        for index in table.indexes {
            for attribute in [index.key.hash] + (index.key.range.map { [$0] } ?? []) {
                guard let value = item[attribute.name] else { continue }
                guard value.typeDescriptor == attribute.type.rawValue else {
                    throw .validation(
                        "One or more parameter values were invalid: Type mismatch for Index Key \(attribute.name) Expected: \(attribute.type.rawValue) Actual: \(value.typeDescriptor) IndexName: \(index.name)"
                    )
                }
                if value == .s("") || value == .b(Data()) {
                    throw .validation(
                        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty \(value == .s("") ? "string" : "binary") value. IndexName: \(index.name), IndexKey: \(attribute.name)"
                    )
                }
            }
        }
    }
}

/// Capacity arithmetic: reads in 4 KB units (halved when eventually consistent), writes in 1 KB units.
enum Capacity {
    /// Read units for `bytes` read.
    static func read(bytes: Int, consistent: Bool) -> Double {
        let units = Double(max(1, (bytes + 4095) / 4096))
        return consistent ? units : units / 2
    }

    /// Write units for an item of `bytes` (the larger of old and new).
    static func write(bytes: Int) -> Double { Double(max(1, (bytes + 1023) / 1024)) }

    /// The ConsumedCapacity to return, or nil for NONE.
    static func consumed(
        _ mode: ReturnConsumedCapacity?, table: String, units: Double, indexUnits: [String: Double] = [:]
    ) -> ConsumedCapacity? {
        switch mode ?? .none {
        case .none: return nil
        case .total:
            return ConsumedCapacity(tableName: table, capacityUnits: units + indexUnits.values.reduce(0, +))
        case .indexes:
            let tableUnits = units
            return ConsumedCapacity(
                tableName: table, capacityUnits: units + indexUnits.values.reduce(0, +),
                table: CapacityUnitsBreakdown(capacityUnits: tableUnits),
                globalSecondaryIndexes: indexUnits.isEmpty
                    ? nil : indexUnits.mapValues { CapacityUnitsBreakdown(capacityUnits: $0) })
        }
    }
}
