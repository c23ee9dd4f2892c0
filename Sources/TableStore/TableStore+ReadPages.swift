import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a Query or Scan returns per item, after DynamoDB's Select rules.
enum SelectMode {
    case count
    case all
    /// The index's projected attributes.
    case projected(IndexSchema)
    case specific(ProjectionExpression)
}

extension TableStore {
    /// Rejects strongly consistent reads of a global secondary index, as DynamoDB does.
    static func checkConsistentRead(_ consistentRead: Bool?, index: IndexSchema?) throws(DynamoDBError) {
        if consistentRead == true, let index, index.isGlobal {
            throw .validation("Consistent reads are not supported on global secondary indexes")
        }
    }

    /// Checks `Limit` ≥ 1.
    static func validateLimit(_ limit: Int?) throws(DynamoDBError) {
        if let limit, limit < 1 {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        }
    }

    /// Checks Segment/TotalSegments as DynamoDB does; returns the pair when segmenting.
    static func validateSegments(_ segment: Int?, _ total: Int?) throws(DynamoDBError) -> (Int, Int)? {
        switch (segment, total) {
        case (nil, nil): return nil
        case (.some, nil):
            throw .validation(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"
            )
        case (nil, .some):
            throw .validation(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"
            )
        case (let segment?, let total?):
            if total < 1 || total > 1_000_000 {
                throw .validation(
                    "1 validation error detected: Value '\(total)' at 'totalSegments' failed to satisfy constraint: Member must have value \(total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000")"
                )
            }
            if segment < 0 || segment >= total {
                throw .validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(segment) is not less than TotalSegments: \(total)"
                )
            }
            return (segment, total)
        }
    }

    /// Resolves Select against the projection and index, with DynamoDB's messages.
    static func resolveSelect(
        _ select: Select?, projection: ProjectionExpression?, table: TableSchema, index: IndexSchema?
    ) throws(DynamoDBError) -> SelectMode {
        switch select {
        case nil:
            if let projection { return .specific(projection) }
            return index.map { .projected($0) } ?? .all
        case .count?:
            if projection != nil {
                throw .validation("Cannot specify the ProjectionExpression when choosing to get only the COUNT")
            }
            return .count
        case .specificAttributes?:
            guard let projection else {
                throw .validation(
                    "One or more parameter values were invalid: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"
                )
            }
            return .specific(projection)
        case .allAttributes?:
            if projection != nil {
                throw .validation("Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES")
            }
            if let index, index.isGlobal, index.projection.projectionType ?? .all != .all {
                throw .validation(
                    "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index \(index.name) because its projection type is not ALL"
                )
            }
            return .all
        case .allProjectedAttributes?:
            guard let index else {
                throw .validation(
                    "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not supported for a table; specify an IndexName"
                )
            }
            if projection != nil {
                throw .validation(
                    "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES")
            }
            return .projected(index)
        }
    }

    /// The ordering tuple of an ExclusiveStartKey: it must hold exactly the table key (and the index key).
    static func orderTuple(_ start: Item, table: TableSchema, index: IndexSchema?, forQuery: Bool) throws(DynamoDBError)
        -> [Data]
    {
        let invalid = DynamoDBError.validation(
            "The provided starting key is invalid: The provided key element does not match the schema")
        let names = Set(table.key.names).union(index?.key.names ?? [])
        guard Set(start.keys) == names else { throw invalid }
        let tableKey: EncodedKey
        do {
            tableKey = try table.key.encodedKey(ofKey: table.key.keyAttributes(of: start))
        } catch {
            throw invalid
        }
        guard let index else { return forQuery ? [tableKey.sk] : [tableKey.pk, tableKey.sk] }
        guard let indexKey = ItemStorage.indexKey(of: start, in: index) else { throw invalid }
        return forQuery
            ? [indexKey.sk, tableKey.pk, tableKey.sk] : [indexKey.pk, indexKey.sk, tableKey.pk, tableKey.sk]
    }

    /// Applies the filter, Select/projection, LastEvaluatedKey and capacity to the entries read.
    static func finishPage(
        _ result: (entries: [PageReader.Entry], truncated: Bool), table: TableSchema, index: IndexSchema?,
        filter: ConditionExpression?, projection: ProjectionExpression?, select: SelectMode, consistent: Bool,
        returnConsumedCapacity: ReturnConsumedCapacity?
    ) -> ReadPage {
        var items: [Item] = []
        var bytes = 0
        for entry in result.entries {
            let visible = index.map { project(entry.item, onto: $0, table: table) } ?? entry.item
            bytes += ItemSize.of(visible)
            if let filter, !filter.evaluate(visible) { continue }
            switch select {
            case .count: items.append([:])
            case .all: items.append(entry.item)
            case .projected(let index): items.append(project(entry.item, onto: index, table: table))
            case .specific(let projection): items.append(projection.apply(to: visible))
            }
        }
        var lastKey: Item?
        if result.truncated, let last = result.entries.last {
            lastKey = table.key.keyAttributes(of: last.item)
            if let index { lastKey?.merge(index.key.keyAttributes(of: last.item)) { current, _ in current } }
        }
        let units = Capacity.read(bytes: bytes, consistent: consistent)
        return ReadPage(
            items: { if case .count = select { return nil } else { return items } }(), count: items.count,
            scannedCount: result.entries.count, lastEvaluatedKey: lastKey,
            consumedCapacity: Capacity.consumed(
                returnConsumedCapacity, table: table.name, units: index == nil ? units : 0,
                indexUnits: index.map { [$0.name: units] } ?? [:]))
    }

    /// An item as an index holds it: table and index keys plus the projected attributes.
    static func project(_ item: Item, onto index: IndexSchema, table: TableSchema) -> Item {
        switch index.projection.projectionType ?? .all {
        case .all: return item
        case .keysOnly, .include:
            let keep = Set(table.key.names + index.key.names + (index.projection.nonKeyAttributes ?? []))
            return item.filter { keep.contains($0.key) }
        }
    }
}
