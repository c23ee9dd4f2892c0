import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// PutItem: creates or replaces an item, honouring ConditionExpression and ReturnValues (NONE|ALL_OLD).
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, ResourceNotFoundException, or
    ///   ConditionalCheckFailedException "The conditional request failed" (with Item when asked).
    public func putItem(_ input: PutItemInput) async throws(DynamoDBError) -> PutItemOutput {
        if let returnValues = input.returnValues, returnValues != .none, returnValues != .allOld {
            throw .validation("ReturnValues can only be ALL_OLD or NONE")
        }
        let item = try ItemNormalization.normalize(input.item)
        var expressions = try RequestExpressions(
            names: input.expressionAttributeNames, values: input.expressionAttributeValues,
            hasExpressions: input.conditionExpression != nil)
        let condition = try expressions.condition(input.conditionExpression)
        try expressions.finish()
        let now = configuration.now()
        let (old, table) = try await write { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let key = try table.key.encodedKey(ofItem: item)
            try ItemMutation.validate(item, table: table)
            let old = try ItemStorage.get(db, table: table, key: key)
            if let condition, !condition.evaluate(old) {
                throw DynamoDBError.conditionFailed(
                    item: input.returnValuesOnConditionCheckFailure == .allOld ? old : nil)
            }
            try self.mutation(of: table, at: now)
                .apply(db, key: key, old: old, new: item)
            return (old, table)
        }
        let bytes = max(ItemSize.of(item), old.map(ItemSize.of) ?? 0)
        return PutItemOutput(
            attributes: input.returnValues == .allOld ? old : nil,
            consumedCapacity: Capacity.consumed(
                input.returnConsumedCapacity, table: table.name, units: Capacity.write(bytes: bytes),
                indexUnits: Self.indexWriteUnits(table: table, old: old, new: item, bytes: bytes)))
    }

    /// GetItem: the item at Key (projected by ProjectionExpression), or no Item.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func getItem(_ input: GetItemInput) async throws(DynamoDBError) -> GetItemOutput {
        var expressions = try RequestExpressions(
            names: input.expressionAttributeNames, values: nil, hasExpressions: input.projectionExpression != nil)
        let projection = try expressions.projection(input.projectionExpression)
        try expressions.finish()
        let (item, tableName) = try await read { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let key = try table.key.encodedKey(ofKey: input.key)
            return (try ItemStorage.get(db, table: table, key: key), table.name)
        }
        let units = Capacity.read(bytes: item.map(ItemSize.of) ?? 0, consistent: input.consistentRead == true)
        return GetItemOutput(
            item: item.map { projection?.apply(to: $0) ?? $0 },
            consumedCapacity: Capacity.consumed(
                input.returnConsumedCapacity, table: tableName, units: units))
    }

    /// DeleteItem: removes the item at Key (a missing item is not an error), with ConditionExpression and
    /// ReturnValues (NONE|ALL_OLD).
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, ResourceNotFoundException, ConditionalCheckFailedException.
    public func deleteItem(_ input: DeleteItemInput) async throws(DynamoDBError) -> DeleteItemOutput {
        if let returnValues = input.returnValues, returnValues != .none, returnValues != .allOld {
            throw .validation("ReturnValues can only be ALL_OLD or NONE")
        }
        var expressions = try RequestExpressions(
            names: input.expressionAttributeNames, values: input.expressionAttributeValues,
            hasExpressions: input.conditionExpression != nil)
        let condition = try expressions.condition(input.conditionExpression)
        try expressions.finish()
        let now = configuration.now()
        let (old, table) = try await write { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let key = try table.key.encodedKey(ofKey: input.key)
            let old = try ItemStorage.get(db, table: table, key: key)
            if let condition, !condition.evaluate(old) {
                throw DynamoDBError.conditionFailed(
                    item: input.returnValuesOnConditionCheckFailure == .allOld ? old : nil)
            }
            try self.mutation(of: table, at: now)
                .apply(db, key: key, old: old, new: nil)
            return (old, table)
        }
        let bytes = old.map(ItemSize.of) ?? 0
        return DeleteItemOutput(
            attributes: input.returnValues == .allOld ? old : nil,
            consumedCapacity: Capacity.consumed(
                input.returnConsumedCapacity, table: table.name, units: Capacity.write(bytes: bytes),
                indexUnits: Self.indexWriteUnits(table: table, old: old, new: nil, bytes: bytes)))
    }

    /// Write units spent on each global secondary index an item write touches.
    static func indexWriteUnits(table: TableSchema, old: Item?, new: Item?, bytes: Int) -> [String: Double] {
        var units: [String: Double] = [:]
        for index in table.indexes where index.isGlobal {
            let before = old.flatMap { ItemStorage.indexKey(of: $0, in: index) }
            let after = new.flatMap { ItemStorage.indexKey(of: $0, in: index) }
            guard before != nil || after != nil else { continue }
            // A key change is a delete plus a put in the index.
            let writes = (before != nil && after != nil && before != after) ? 2.0 : 1.0
            units[index.name] = writes * Capacity.write(bytes: bytes)
        }
        return units
    }
}
