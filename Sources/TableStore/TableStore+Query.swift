import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// Query: one partition of the table or an index, in sort-key order (ScanIndexForward), with
    /// Limit counted before FilterExpression, 1 MB pages, ExclusiveStartKey/LastEvaluatedKey and Select.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException (expressions, keys, Select) or ResourceNotFoundException.
    public func query(_ input: QueryInput) async throws(DynamoDBError) -> QueryOutput {
        guard let keyConditionSource = input.keyConditionExpression else {
            throw .validation(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        try Self.validateLimit(input.limit)
        let forward = input.scanIndexForward ?? true
        let page = try await read { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let index = try input.indexName.map { (name) throws(DynamoDBError) in try table.index(named: name) }
            try Self.checkConsistentRead(input.consistentRead, index: index)
            let key = index?.key ?? table.key
            var expressions = try RequestExpressions(
                names: input.expressionAttributeNames, values: input.expressionAttributeValues, hasExpressions: true)
            let condition: KeyCondition
            do throws(ExpressionError) {
                condition = try KeyCondition.parse(
                    keyConditionSource, attributes: &expressions.attributes, keySchema: key.expressionSchema)
            } catch {
                throw DynamoDBError(error)
            }
            let filter = try expressions.condition(input.filterExpression, kind: .filter)
            let projection = try expressions.projection(input.projectionExpression)
            try expressions.finish()
            if let filter {
                if let used = key.names.first(where: { filter.attributeNames.contains($0) }) {
                    throw DynamoDBError.validation(
                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: \(used)")
                }
            }
            let select = try Self.resolveSelect(input.select, projection: projection, table: table, index: index)
            var reader = PageReader(table: table, index: index)
            reader.partition = try KeyShape.encode(condition.partitionKeyValue, name: condition.partitionKeyName)
            reader.sortBounds = try KeyRange.bounds(condition.sortKeyCondition)
            reader.forward = forward
            reader.limit = input.limit
            reader.exclusiveStart = try input.exclusiveStartKey.map { (start) throws(DynamoDBError) in
                try Self.orderTuple(start, table: table, index: index, forQuery: true)
            }
            return try Self.finishPage(
                reader.read(db), table: table, index: index, filter: filter, projection: projection, select: select,
                consistent: input.consistentRead == true, returnConsumedCapacity: input.returnConsumedCapacity)
        }
        return QueryOutput(
            items: page.items, count: page.count, scannedCount: page.scannedCount,
            lastEvaluatedKey: page.lastEvaluatedKey, consumedCapacity: page.consumedCapacity)
    }

    /// Scan: every item of the table or an index in key order, optionally one Segment of TotalSegments.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func scan(_ input: ScanInput) async throws(DynamoDBError) -> ScanOutput {
        try Self.validateLimit(input.limit)
        let segment = try Self.validateSegments(input.segment, input.totalSegments)
        let page = try await read { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            let index = try input.indexName.map { (name) throws(DynamoDBError) in try table.index(named: name) }
            try Self.checkConsistentRead(input.consistentRead, index: index)
            var expressions = try RequestExpressions(
                names: input.expressionAttributeNames, values: input.expressionAttributeValues,
                hasExpressions: input.filterExpression != nil || input.projectionExpression != nil)
            let filter = try expressions.condition(input.filterExpression, kind: .filter)
            let projection = try expressions.projection(input.projectionExpression)
            try expressions.finish()
            let select = try Self.resolveSelect(input.select, projection: projection, table: table, index: index)
            var reader = PageReader(table: table, index: index)
            reader.limit = input.limit
            reader.segment = segment
            reader.exclusiveStart = try input.exclusiveStartKey.map { (start) throws(DynamoDBError) in
                try Self.orderTuple(start, table: table, index: index, forQuery: false)
            }
            return try Self.finishPage(
                reader.read(db), table: table, index: index, filter: filter, projection: projection, select: select,
                consistent: input.consistentRead == true, returnConsumedCapacity: input.returnConsumedCapacity)
        }
        return ScanOutput(
            items: page.items, count: page.count, scannedCount: page.scannedCount,
            lastEvaluatedKey: page.lastEvaluatedKey, consumedCapacity: page.consumedCapacity)
    }
}

/// A finished Query or Scan page.
struct ReadPage: Sendable {
    var items: [Item]?
    var count: Int
    var scannedCount: Int
    var lastEvaluatedKey: Item?
    var consumedCapacity: ConsumedCapacity?
}

extension KeyShape {
    /// The key schema the expressions module validates key conditions against.
    var expressionSchema: KeySchema {
        func element(_ attribute: KeyAttribute) -> KeySchema.Element {
            KeySchema.Element(
                name: attribute.name, type: KeySchema.ScalarType(rawValue: attribute.type.rawValue) ?? .string)
        }
        return KeySchema(partitionKey: element(hash), sortKey: range.map(element))
    }
}
