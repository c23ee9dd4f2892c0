import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// UpdateItem: applies UpdateExpression to the item at Key (creating it when missing), honouring
    /// ConditionExpression and ReturnValues (NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW).
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, ResourceNotFoundException, ConditionalCheckFailedException.
    public func updateItem(_ input: UpdateItemInput) async throws(DynamoDBError) -> UpdateItemOutput {
        var expressions = try RequestExpressions(
            names: input.expressionAttributeNames, values: input.expressionAttributeValues,
            hasExpressions: input.updateExpression != nil || input.conditionExpression != nil)
        let update = try expressions.update(input.updateExpression)
        let condition = try expressions.condition(input.conditionExpression)
        try expressions.finish()
        let now = configuration.now()
        let (old, result, table) = try await write { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let key = try table.key.encodedKey(ofKey: input.key)
            let old = try ItemStorage.get(db, table: table, key: key)
            if let condition, !condition.evaluate(old) {
                throw DynamoDBError.conditionFailed(
                    item: input.returnValuesOnConditionCheckFailure == .allOld ? old : nil)
            }
            let result = try Self.applyUpdate(update, to: old, key: input.key, table: table)
            try ItemMutation.validate(result.item, table: table)
            try self.mutation(of: table, at: now)
                .apply(db, key: key, old: old, new: result.item)
            return (old, result, table)
        }
        let attributes: Item?
        switch input.returnValues ?? .none {
        case .none: attributes = nil
        case .allOld: attributes = old
        case .allNew: attributes = result.item
        case .updatedOld: attributes = old.map { ProjectionExpression(paths: result.updatedPaths).apply(to: $0) }
        case .updatedNew: attributes = ProjectionExpression(paths: result.updatedPaths).apply(to: result.item)
        }
        let bytes = max(ItemSize.of(result.item), old.map(ItemSize.of) ?? 0)
        return UpdateItemOutput(
            attributes: attributes?.isEmpty == true ? nil : attributes,
            consumedCapacity: Capacity.consumed(
                input.returnConsumedCapacity, table: table.name, units: Capacity.write(bytes: bytes),
                indexUnits: Self.indexWriteUnits(table: table, old: old, new: result.item, bytes: bytes)))
    }

    /// The item after an update (key attributes always present, normalised) and the paths it wrote.
    static func applyUpdate(_ update: UpdateExpression?, to old: Item?, key: Item, table: TableSchema) throws
        -> (item: Item, updatedPaths: [DocumentPath])
    {
        var item = old ?? [:]
        var paths: [DocumentPath] = []
        if let update {
            do throws(ExpressionError) {
                let result = try update.apply(to: old, keyAttributes: Set(table.key.names))
                item = result.item
                paths = result.updatedPaths
            } catch {
                throw DynamoDBError(error)
            }
        }
        item = try ItemNormalization.normalize(item)
        item.merge(try ItemNormalization.normalize(key)) { current, _ in current }
        return (item, paths)
    }
}

extension RequestExpressions {
    /// Parses an UpdateExpression.
    mutating func update(_ source: String?) throws(DynamoDBError) -> UpdateExpression? {
        guard let source else { return nil }
        do {
            return try UpdateExpression.parse(source, attributes: &attributes)
        } catch {
            throw DynamoDBError(error)
        }
    }
}
