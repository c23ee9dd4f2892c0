import DynamoDBExpressions
import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One parsed action of a TransactWriteItems request.
struct TransactionAction: Sendable {
    enum Kind: Sendable {
        case check
        case put(Item)
        case delete
        case update(UpdateExpression?)
    }

    var tableName: String
    var kind: Kind
    /// The Key parameter (for put: taken from the item once the schema is known).
    var key: Item?
    var condition: ConditionExpression?
    var returnOldOnFailure: Bool
}

extension TableStore {
    /// The most actions one transaction may carry.
    static let maximumTransactionActions = 100

    /// TransactWriteItems: up to 100 ConditionCheck/Put/Delete/Update actions on distinct items, all or nothing.
    /// When a condition fails nothing is written and the error lists one reason per action.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, ResourceNotFoundException, or TransactionCanceledException
    ///   "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"
    ///   (a reason per action: `ConditionalCheckFailed`, `ValidationError` for an invalid new item, or `None`).
    public func transactWriteItems(_ input: TransactWriteItemsInput) async throws(DynamoDBError)
        -> TransactWriteItemsOutput
    {
        let count = input.transactItems.count
        guard (1...Self.maximumTransactionActions).contains(count) else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length \(count < 1 ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        let actions = try input.transactItems.map { (item) throws(DynamoDBError) in try Self.parseAction(item) }
        let now = configuration.now()
        // Only a request with a ClientRequestToken is compared with its retries; encoding one costs ~50 µs.
        let fingerprint = try input.clientRequestToken.map { _ throws(DynamoDBError) in try Self.fingerprint(input) }
        let units = try await write { db -> [String: Double] in
            if let token = input.clientRequestToken, let fingerprint,
                try !Self.claim(db, token: token, fingerprint: fingerprint, now: now)
            {
                return [:]  // A retry of a transaction already applied: succeed without applying it again.
            }
            var tables: [String: TableSchema] = [:]
            var seen = Set<String>()
            var plans: [(table: TableSchema, key: EncodedKey, old: Item?, new: Item?, writes: Bool)] = []
            var reasons: [CancellationReason] = []
            var failed = false
            for action in actions {
                let table = try tables[action.tableName] ?? TableCatalog.load(db, name: action.tableName)
                tables[action.tableName] = table
                let key: EncodedKey
                if case .put(let item) = action.kind {
                    key = try table.key.encodedKey(ofItem: item)
                } else {
                    key = try table.key.encodedKey(ofKey: action.key ?? [:])
                }
                guard
                    seen.insert("\(table.id)|\(key.pk.base64EncodedString())|\(key.sk.base64EncodedString())").inserted
                else {
                    throw DynamoDBError.validation("Transaction request cannot include multiple operations on one item")
                }
                let old = try ItemStorage.get(db, table: table, key: key)
                if let condition = action.condition, !condition.evaluate(old) {
                    failed = true
                    reasons.append(
                        CancellationReason(
                            item: action.returnOldOnFailure ? old : nil, code: "ConditionalCheckFailed",
                            message: "The conditional request failed"))
                    continue
                }
                // An action whose new item is invalid (over 400 KB, an operand of the wrong type) cancels the
                // transaction with a ValidationError reason for that action, as AWS does.
                do {
                    switch action.kind {
                    case .check:
                        plans.append((table, key, old, old, false))
                    case .put(let item):
                        try ItemMutation.validate(item, table: table)
                        plans.append((table, key, old, item, true))
                    case .delete:
                        plans.append((table, key, old, nil, true))
                    case .update(let update):
                        let result = try Self.applyUpdate(update, to: old, key: action.key ?? [:], table: table)
                        try ItemMutation.validate(result.item, table: table)
                        plans.append((table, key, old, result.item, true))
                    }
                    reasons.append(CancellationReason(code: "None"))
                } catch let error as DynamoDBError where error.code == .validation {
                    failed = true
                    reasons.append(CancellationReason(code: "ValidationError", message: error.message))
                }
            }
            if failed {
                let codes = reasons.map { $0.code ?? "None" }.joined(separator: ", ")
                throw DynamoDBError(
                    .transactionCanceled,
                    "Transaction cancelled, please refer cancellation reasons for specific reasons [\(codes)]",
                    cancellationReasons: reasons)
            }
            var units: [String: Double] = [:]
            for plan in plans {
                let bytes = max(plan.new.map(ItemSize.of) ?? 0, plan.old.map(ItemSize.of) ?? 0)
                if plan.writes {
                    try self.mutation(of: plan.table, at: now)
                        .apply(db, key: plan.key, old: plan.old, new: plan.new)
                    units[plan.table.name, default: 0] += 2 * Capacity.write(bytes: bytes)
                } else {
                    units[plan.table.name, default: 0] += 2 * Capacity.read(bytes: bytes, consistent: true)
                }
            }
            return units
        }
        return TransactWriteItemsOutput(
            consumedCapacity: input.returnConsumedCapacity.flatMap { mode in
                mode == .none
                    ? nil
                    : units.sorted { $0.key < $1.key }.compactMap {
                        Capacity.consumed(mode, table: $0.key, units: $0.value)
                    }
            })
    }

    /// TransactGetItems: up to 100 Gets read from one consistent snapshot, in request order.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func transactGetItems(_ input: TransactGetItemsInput) async throws(DynamoDBError) -> TransactGetItemsOutput {
        let count = input.transactItems.count
        guard (1...Self.maximumTransactionActions).contains(count) else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length \(count < 1 ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        var projections: [ProjectionExpression?] = []
        for item in input.transactItems {
            var expressions = try RequestExpressions(
                names: item.get.expressionAttributeNames, values: nil,
                hasExpressions: item.get.projectionExpression != nil)
            projections.append(try expressions.projection(item.get.projectionExpression))
            try expressions.finish()
        }
        let gets = input.transactItems.map(\.get)
        let found = try await read { db -> [(String, Item?)] in
            var tables: [String: TableSchema] = [:]
            var seen = Set<String>()
            var result: [(String, Item?)] = []
            for get in gets {
                let table = try tables[get.tableName] ?? TableCatalog.load(db, name: get.tableName)
                tables[get.tableName] = table
                let key = try table.key.encodedKey(ofKey: get.key)
                guard
                    seen.insert("\(table.id)|\(key.pk.base64EncodedString())|\(key.sk.base64EncodedString())").inserted
                else {
                    throw DynamoDBError.validation("Transaction request cannot include multiple operations on one item")
                }
                result.append((table.name, try ItemStorage.get(db, table: table, key: key)))
            }
            return result
        }
        var units: [String: Double] = [:]
        for (table, item) in found {
            units[table, default: 0] += 2 * Capacity.read(bytes: item.map(ItemSize.of) ?? 0, consistent: true)
        }
        return TransactGetItemsOutput(
            consumedCapacity: input.returnConsumedCapacity.flatMap { mode in
                mode == .none
                    ? nil
                    : units.sorted { $0.key < $1.key }.compactMap {
                        Capacity.consumed(mode, table: $0.key, units: $0.value)
                    }
            },
            responses: zip(found, projections).map { entry, projection in
                ItemResponse(item: entry.1.map { projection?.apply(to: $0) ?? $0 })
            })
    }

    /// How long a ClientRequestToken makes retries idempotent.
    static let tokenLifetime: TimeInterval = 10 * 60

    /// Records a ClientRequestToken; false when the same request already used it within 10 minutes.
    ///
    /// - Throws: IdempotentParameterMismatchException when the token was used with different parameters.
    static func claim(_ db: Database, token: String, fingerprint: Data, now: Date) throws -> Bool {
        try db.execute(
            sql: "DELETE FROM transaction_tokens WHERE created < ?",
            arguments: [now.timeIntervalSince1970 - tokenLifetime])
        if let previous = try Data.fetchOne(
            db, sql: "SELECT fingerprint FROM transaction_tokens WHERE token = ?", arguments: [token])
        {
            guard previous == fingerprint else {
                throw DynamoDBError(
                    .idempotentParameterMismatch,
                    "The request uses the same client token as a previous, but non-identical request.")
            }
            return false
        }
        try db.execute(
            sql: "INSERT INTO transaction_tokens (token, fingerprint, created) VALUES (?, ?, ?)",
            arguments: [token, fingerprint, now.timeIntervalSince1970])
        return true
    }

    /// A canonical encoding of a request, to compare retries.
    static func fingerprint(_ input: TransactWriteItemsInput) throws(DynamoDBError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return try encoder.encode(input.transactItems)
        } catch {
            throw DynamoDBError(.internalServerError, "Internal server error: \(error)")
        }
    }

    /// Parses one TransactWriteItem (exactly one of ConditionCheck, Put, Delete, Update).
    static func parseAction(_ item: TransactWriteItem) throws(DynamoDBError) -> TransactionAction {
        let present = [item.conditionCheck != nil, item.put != nil, item.delete != nil, item.update != nil].filter {
            $0
        }
        guard present.count == 1 else {
            throw .validation(
                "TransactItems can only contain one of Check, Put, Update or Delete")
        }
        if let check = item.conditionCheck {
            var expressions = try RequestExpressions(
                names: check.expressionAttributeNames, values: check.expressionAttributeValues, hasExpressions: true)
            let condition = try expressions.condition(check.conditionExpression)
            try expressions.finish()
            return TransactionAction(
                tableName: check.tableName, kind: .check, key: check.key, condition: condition,
                returnOldOnFailure: check.returnValuesOnConditionCheckFailure == .allOld)
        }
        if let put = item.put {
            var expressions = try RequestExpressions(
                names: put.expressionAttributeNames, values: put.expressionAttributeValues,
                hasExpressions: put.conditionExpression != nil)
            let condition = try expressions.condition(put.conditionExpression)
            try expressions.finish()
            return TransactionAction(
                tableName: put.tableName, kind: .put(try ItemNormalization.normalize(put.item)), key: nil,
                condition: condition, returnOldOnFailure: put.returnValuesOnConditionCheckFailure == .allOld)
        }
        if let delete = item.delete {
            var expressions = try RequestExpressions(
                names: delete.expressionAttributeNames, values: delete.expressionAttributeValues,
                hasExpressions: delete.conditionExpression != nil)
            let condition = try expressions.condition(delete.conditionExpression)
            try expressions.finish()
            return TransactionAction(
                tableName: delete.tableName, kind: .delete, key: delete.key, condition: condition,
                returnOldOnFailure: delete.returnValuesOnConditionCheckFailure == .allOld)
        }
        guard let update = item.update else {
            throw .validation("TransactItems can only contain one of Check, Put, Update or Delete")
        }
        var expressions = try RequestExpressions(
            names: update.expressionAttributeNames, values: update.expressionAttributeValues, hasExpressions: true)
        let parsed = try expressions.update(update.updateExpression)
        let condition = try expressions.condition(update.conditionExpression)
        try expressions.finish()
        return TransactionAction(
            tableName: update.tableName, kind: .update(parsed), key: update.key, condition: condition,
            returnOldOnFailure: update.returnValuesOnConditionCheckFailure == .allOld)
    }
}
