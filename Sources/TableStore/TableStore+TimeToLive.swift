import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// How many expired items one sweep transaction deletes at most (a larger backlog takes several).
    public static let timeToLiveSweepBatch = 500

    /// UpdateTimeToLive: enables TTL on an attribute (indexing the expiry of every item that has one) or disables
    /// it. Unlike AWS, the change is complete when the call returns (no ENABLING/DISABLING phase, no hourly limit).
    ///
    /// - Throws: ``DynamoDBError`` ValidationException (bad attribute name, already enabled or disabled, disabling
    ///   another attribute), ResourceNotFoundException.
    public func updateTimeToLive(_ input: UpdateTimeToLiveInput) async throws(DynamoDBError) -> UpdateTimeToLiveOutput {
        let specification = input.timeToLiveSpecification
        let name = specification.attributeName
        guard (1...255).contains(name.utf8.count) else {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length between 1 and 255"
            )
        }
        try await write { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            switch (table.timeToLiveAttribute, specification.enabled) {
            case (.some, true): throw DynamoDBError.validation("TimeToLive is already enabled")
            case (nil, false): throw DynamoDBError.validation("TimeToLive is already disabled")
            case (.some(let current), false) where current != name:
                throw DynamoDBError.validation(
                    "TimeToLive is active on a different AttributeName: current AttributeName is \(current)")
            case (nil, true):
                try db.execute(
                    sql: "UPDATE tables SET ttl_attribute = ? WHERE id = ?", arguments: [name, table.id])
                try TimeToLiveEntries.backfill(db, tableID: table.id, attribute: name)
            case (.some, false):
                try db.execute(sql: "UPDATE tables SET ttl_attribute = NULL WHERE id = ?", arguments: [table.id])
                try TimeToLiveEntries.removeAll(db, tableID: table.id)
            }
        }
        return UpdateTimeToLiveOutput(timeToLiveSpecification: specification)
    }

    /// DescribeTimeToLive: `ENABLED` with the attribute, or `DISABLED`.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException.
    public func describeTimeToLive(_ input: DescribeTimeToLiveInput) async throws(DynamoDBError)
        -> DescribeTimeToLiveOutput
    {
        let attribute = try await read { db in try TableCatalog.load(db, name: input.tableName).timeToLiveAttribute }
        return DescribeTimeToLiveOutput(
            timeToLiveDescription: attribute.map { TimeToLiveDescription(timeToLiveStatus: .enabled, attributeName: $0) }
                ?? TimeToLiveDescription(timeToLiveStatus: .disabled))
    }

    /// Deletes every item whose TTL has expired (``TimeToLiveRule``) in every TTL-enabled table, writing for each
    /// a `REMOVE` stream record carrying ``UserIdentity/timeToLive``; returns how many were deleted.
    ///
    /// Each table is swept in transactions of at most ``timeToLiveSweepBatch`` items; each item is re-read and
    /// re-checked inside the transaction, so one rewritten since it was found is kept.
    @discardableResult
    public func sweepExpiredItems() async throws(DynamoDBError) -> Int {
        let names = try await read { db in
            try String.fetchAll(db, sql: "SELECT name FROM tables WHERE ttl_attribute IS NOT NULL ORDER BY name")
        }
        var deleted = 0
        for name in names {
            var more = true
            while more {
                let now = configuration.now()
                let (count, full) = try await write { db -> (Int, Bool) in
                    // The table may have been dropped or its TTL disabled since it was listed.
                    guard let table = try? TableCatalog.load(db, name: name),
                        let attribute = table.timeToLiveAttribute
                    else { return (0, false) }
                    var count = 0
                    let keys = try TimeToLiveEntries.due(
                        db, tableID: table.id, now: now, limit: Self.timeToLiveSweepBatch)
                    for key in keys {
                        guard let old = try ItemStorage.get(db, table: table, key: key),
                            TimeToLiveRule.isExpired(old[attribute], now: now)
                        else { continue }
                        try self.mutation(of: table, at: now)
                            .apply(db, key: key, old: old, new: nil, userIdentity: .timeToLive)
                        count += 1
                    }
                    return (count, keys.count == Self.timeToLiveSweepBatch)
                }
                deleted += count
                // A full batch may leave more due items behind.
                more = full && count > 0
            }
        }
        return deleted
    }
}
