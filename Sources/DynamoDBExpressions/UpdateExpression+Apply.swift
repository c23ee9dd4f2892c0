import DynamoDBTypes

/// Applying an update as DynamoDB does: every operand is read from the item as it was before the update,
/// then the writes land, then removals (list elements removed from the highest index down).
extension UpdateExpression {
    /// The item after the update; `item` nil means the item does not exist yet (start from no attributes;
    /// the caller adds the key). `keyAttributes` are the table's key attribute names, which may not change.
    /// - Throws: ``ExpressionError`` with DynamoDB's messages: "One or more parameter values were invalid:
    ///   Cannot update attribute pk. This attribute is part of the key", "The provided expression refers to an
    ///   attribute that does not exist in the item", "An operand in the update expression has an incorrect
    ///   data type", "The document path provided in the update expression is invalid for update".
    public func apply(to item: Item?, keyAttributes: Set<String>) throws(ExpressionError) -> UpdateResult {
        for action in actions where keyAttributes.contains(action.path.attributeName) {
            throw ExpressionError(
                message: "One or more parameter values were invalid: Cannot update attribute "
                    + "\(action.path.attributeName). This attribute is part of the key",
                kind: .update)
        }
        let old = item ?? [:]
        var writes: [(DocumentPath, AttributeValue?)] = []
        var removals: [DocumentPath] = []
        for action in actions {
            switch action {
            case .set(let path, let value):
                writes.append((path, try value.evaluate(in: old)))
            case .remove(let path):
                removals.append(path)
            case .add(let path, let operand):
                writes.append((path, try Self.add(operand, to: old.value(at: path))))
            case .delete(let path, let operand):
                writes.append((path, try Self.delete(operand, from: old.value(at: path))))
            }
        }
        var new = old
        // Elements appended past the end of a list land in index order, whatever the order written.
        writes.sort { DocumentPath.descending($1.0, $0.0) }
        for (path, value) in writes {
            if let value {
                try new.setValue(value, at: path)
            } else {
                try new.removeValue(at: path)
            }
        }
        for path in removals.sorted(by: { DocumentPath.descending($0, $1) }) {
            do {
                try new.removeValue(at: path)
            } catch  where item == nil {
                // DynamoDB ignores REMOVE of a nested path when the whole item is missing.
            }
        }
        return UpdateResult(item: new, updatedPaths: paths)
    }

    private static func add(_ operand: AttributeValue, to existing: AttributeValue?) throws(ExpressionError)
        -> AttributeValue
    {
        guard let existing else { return operand }
        switch (existing, operand) {
        case (.n(let a), .n(let b)):
            return try UpdateAction.Value.arithmetic(a, b, subtract: false)
        case (.ss(let a), .ss(let b)): return .ss(a + b.filter { !a.contains($0) })
        case (.bs(let a), .bs(let b)): return .bs(a + b.filter { !a.contains($0) })
        case (.ns(let a), .ns(let b)):
            return .ns(a + b.filter { member in !a.contains { AttributeValue.n($0).isEqual(to: .n(member)) } })
        default: throw .incorrectDataType
        }
    }

    /// The set left after removing `operand`'s members; nil when it becomes empty (the attribute goes).
    private static func delete(_ operand: AttributeValue, from existing: AttributeValue?) throws(ExpressionError)
        -> AttributeValue?
    {
        guard let existing else { return nil }
        let remaining: AttributeValue
        switch (existing, operand) {
        case (.ss(let a), .ss(let b)): remaining = .ss(a.filter { !b.contains($0) })
        case (.bs(let a), .bs(let b)): remaining = .bs(a.filter { !b.contains($0) })
        case (.ns(let a), .ns(let b)):
            remaining = .ns(a.filter { member in !b.contains { AttributeValue.n($0).isEqual(to: .n(member)) } })
        default: throw .incorrectDataType
        }
        return remaining.size == 0 ? nil : remaining
    }
}

extension UpdateAction.Value {
    func evaluate(in item: Item) throws(ExpressionError) -> AttributeValue {
        switch self {
        case .path(let path):
            guard let value = item.value(at: path) else { throw .missingAttribute }
            return value
        case .value(let value):
            return value
        case .ifNotExists(let path, let fallback):
            if let value = item.value(at: path) { return value }
            return try fallback.evaluate(in: item)
        case .listAppend(let a, let b):
            guard case .l(let first) = try a.evaluate(in: item), case .l(let second) = try b.evaluate(in: item) else {
                throw .incorrectDataType
            }
            return .l(first + second)
        case .plus(let a, let b), .minus(let a, let b):
            guard case .n(let left) = try a.evaluate(in: item), case .n(let right) = try b.evaluate(in: item) else {
                throw .incorrectDataType
            }
            let subtract = if case .minus = self { true } else { false }
            return try Self.arithmetic(left, right, subtract: subtract)
        }
    }

    static func arithmetic(_ left: String, _ right: String, subtract: Bool) throws(ExpressionError) -> AttributeValue {
        do {
            let (a, b) = (try DynamoDBNumber(left), try DynamoDBNumber(right))
            return .n((subtract ? try a.subtracting(b) : try a.adding(b)).description)
        } catch {
            throw ExpressionError(message: error.description, kind: .update)
        }
    }
}

extension ExpressionError {
    static let incorrectDataType = ExpressionError(
        message: "An operand in the update expression has an incorrect data type", kind: .update)
    static let missingAttribute = ExpressionError(
        message: "The provided expression refers to an attribute that does not exist in the item", kind: .update)
    static let invalidDocumentPath = ExpressionError(
        message: "The document path provided in the update expression is invalid for update", kind: .update)
}
