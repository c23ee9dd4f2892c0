import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// The most requests one BatchWriteItem may carry.
    static let maximumBatchWrites = 25
    /// The most keys one BatchGetItem may carry.
    static let maximumBatchGets = 100
    /// DynamoDB's error for a batch whose RequestItems map is empty.
    static let emptyRequestItems = DynamoDBError.validation(
        "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"
    )

    /// BatchWriteItem: up to 25 puts and deletes over any tables. The whole request is validated first;
    /// each item then gets its own stream record. UnprocessedItems is always empty here.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func batchWriteItem(_ input: BatchWriteItemInput) async throws(DynamoDBError) -> BatchWriteItemOutput {
        // DynamoDB checks the map (at least one table), each table's list against the shape (1…25), then the
        // total across tables.
        if input.requestItems.isEmpty { throw Self.emptyRequestItems }
        if let (table, writes) = input.requestItems.first(where: { $0.value.isEmpty || $0.value.count > 25 }) {
            throw .validation(
                "1 validation error detected: Value '{\(table)=[\(writes.count) WriteRequests]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"
            )
        }
        let total = input.requestItems.values.reduce(0) { $0 + $1.count }
        if total > Self.maximumBatchWrites {
            throw .validation("Too many items requested for the BatchWriteItem call")
        }
        enum Request: Sendable {
            case put(Item)
            case delete(Item)
        }
        var requests: [(table: String, request: Request)] = []
        for (table, writes) in input.requestItems.sorted(by: { $0.key < $1.key }) {
            for write in writes {
                switch (write.putRequest, write.deleteRequest) {
                case (let put?, nil): requests.append((table, .put(try ItemNormalization.normalize(put.item))))
                case (nil, let delete?): requests.append((table, .delete(delete.key)))
                default:
                    throw .validation(
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
                    )
                }
            }
        }
        let now = configuration.now()
        let planRequests = requests
        let units = try await write { db -> [String: Double] in
            var tables: [String: TableSchema] = [:]
            var planned: [(TableSchema, EncodedKey, Item?)] = []
            var seen = Set<String>()
            for (name, request) in planRequests {
                let table: TableSchema
                if let known = tables[name] {
                    table = known
                } else {
                    table = try TableCatalog.load(db, name: name)
                    tables[name] = table
                }
                let key: EncodedKey
                let new: Item?
                switch request {
                case .put(let item):
                    key = try table.key.encodedKey(ofItem: item)
                    try ItemMutation.validate(item, table: table)
                    new = item
                case .delete(let keyItem):
                    key = try table.key.encodedKey(ofKey: keyItem)
                    new = nil
                }
                guard
                    seen.insert("\(table.id)|\(key.pk.base64EncodedString())|\(key.sk.base64EncodedString())").inserted
                else {
                    throw DynamoDBError.validation("Provided list of item keys contains duplicates")
                }
                planned.append((table, key, new))
            }
            var units: [String: Double] = [:]
            for (table, key, new) in planned {
                let old = try ItemStorage.get(db, table: table, key: key)
                try self.mutation(of: table, at: now)
                    .apply(db, key: key, old: old, new: new)
                let bytes = max(new.map(ItemSize.of) ?? 0, old.map(ItemSize.of) ?? 0)
                units[table.name, default: 0] += Capacity.write(bytes: bytes)
            }
            return units
        }
        return BatchWriteItemOutput(
            unprocessedItems: [:],
            consumedCapacity: input.returnConsumedCapacity.flatMap { mode in
                mode == .none
                    ? nil
                    : units.sorted { $0.key < $1.key }.compactMap {
                        Capacity.consumed(mode, table: $0.key, units: $0.value)
                    }
            })
    }

    /// BatchGetItem: up to 100 keys over any tables, each table with its own ProjectionExpression.
    /// UnprocessedKeys is always empty here.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func batchGetItem(_ input: BatchGetItemInput) async throws(DynamoDBError) -> BatchGetItemOutput {
        if input.requestItems.isEmpty { throw Self.emptyRequestItems }
        let total = input.requestItems.values.reduce(0) { $0 + $1.keys.count }
        if total > Self.maximumBatchGets {
            throw .validation("Too many items requested for the BatchGetItem call")
        }
        var projections: [String: ProjectionExpression] = [:]
        for (table, request) in input.requestItems {
            var expressions = try RequestExpressions(
                names: request.expressionAttributeNames, values: nil,
                hasExpressions: request.projectionExpression != nil)
            projections[table] = try expressions.projection(request.projectionExpression)
            try expressions.finish()
            if Set(request.keys).count != request.keys.count {
                throw .validation("Provided list of item keys contains duplicates")
            }
        }
        let found = try await read { db -> [String: (items: [Item], bytes: Int, consistent: Bool)] in
            var result: [String: (items: [Item], bytes: Int, consistent: Bool)] = [:]
            for (name, request) in input.requestItems {
                let table = try TableCatalog.load(db, name: name)
                var items: [Item] = []
                var bytes = 0
                for key in request.keys {
                    guard let item = try ItemStorage.get(db, table: table, key: table.key.encodedKey(ofKey: key)) else {
                        continue
                    }
                    bytes += ItemSize.of(item)
                    items.append(item)
                }
                result[name] = (items, bytes, request.consistentRead == true)
            }
            return result
        }
        return BatchGetItemOutput(
            responses: found.mapValues { entry in entry.items }.reduce(into: [:]) { result, pair in
                result[pair.key] = pair.value.map { projections[pair.key]?.apply(to: $0) ?? $0 }
            },
            unprocessedKeys: [:],
            consumedCapacity: input.returnConsumedCapacity.flatMap { mode in
                mode == .none
                    ? nil
                    : found.sorted { $0.key < $1.key }.compactMap {
                        Capacity.consumed(
                            mode, table: $0.key,
                            units: Capacity.read(bytes: $0.value.bytes, consistent: $0.value.consistent))
                    }
            })
    }
}
