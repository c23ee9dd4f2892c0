import DynamoDBTypes

/// A parsed KeyConditionExpression, checked against the key schema of the table or index queried:
/// the partition key's value and an optional sort key condition.
public struct KeyCondition: Sendable, Equatable {
    /// The partition key attribute's name.
    public let partitionKeyName: String
    /// The partition key value to read.
    public let partitionKeyValue: AttributeValue
    /// The sort key range, if the expression has one.
    public let sortKeyCondition: SortKeyCondition?

    /// Parses `source` and validates it against `keySchema`, resolving and recording the request's names and
    /// values in `attributes`.
    /// - Throws: ``ExpressionError``: parse errors ("Invalid KeyConditionExpression: …"), operators a key
    ///   condition cannot use ("Invalid operator used in KeyConditionExpression: OR"), and key schema
    ///   mismatches ("Query condition missed key schema element: pk", "Query key condition not supported",
    ///   "One or more parameter values were invalid: Condition parameter type does not match schema type").
    public static func parse(
        _ source: String, attributes: inout ExpressionAttributes, keySchema: KeySchema
    ) throws(ExpressionError) -> KeyCondition {
        var parser = try Parser(source, kind: .keyCondition)
        let syntax = try parser.parseCondition()
        var resolver = Resolver(attributes)
        let condition = resolver.condition(syntax)
        try resolver.check(.keyCondition, order: Diagnostics.conditionOrder)
        guard let condition else { preconditionFailure("an unresolved condition always records a diagnostic") }
        var parts = KeyParts()
        try parts.collect(condition)
        let result = try parts.validate(against: keySchema)
        resolver.commit(to: &attributes)
        return result
    }
}

/// The per-attribute conditions of a key condition, in order of appearance.
private struct KeyParts {
    var parts: [(name: String, comparison: SortKeyCondition.Comparison)] = []

    static func error(_ message: String) -> ExpressionError {
        ExpressionError(message: message, kind: .keyCondition)
    }

    mutating func collect(_ condition: Condition) throws(ExpressionError) {
        let operatorName: String
        let operands: [Condition.Operand]
        switch condition {
        case .and(let a, let b):
            try collect(a)
            try collect(b)
            return
        case .or: throw Self.error("Invalid operator used in KeyConditionExpression: OR")
        case .not: throw Self.error("Invalid operator used in KeyConditionExpression: NOT")
        case .membership: throw Self.error("Invalid operator used in KeyConditionExpression: IN")
        case .attributeExists: throw Self.error("Invalid operator used in KeyConditionExpression: attribute_exists")
        case .attributeNotExists:
            throw Self.error("Invalid operator used in KeyConditionExpression: attribute_not_exists")
        case .attributeType: throw Self.error("Invalid operator used in KeyConditionExpression: attribute_type")
        case .contains: throw Self.error("Invalid operator used in KeyConditionExpression: contains")
        case .compare(_, .notEqual, _): throw Self.error("Invalid operator used in KeyConditionExpression: <>")
        case .compare(let a, let comparator, let b):
            operatorName = comparator.rawValue
            operands = [a, b]
        case .between(let a, let b, let c):
            operatorName = "BETWEEN"
            operands = [a, b, c]
        case .beginsWith(let a, let b):
            operatorName = "begins_with"
            operands = [a, b]
        }
        if operatorName == "BETWEEN" || operatorName == "begins_with" {
            guard case .path = operands[0] else {
                throw Self.error(
                    "Invalid condition in KeyConditionExpression: \(operatorName) operator must have the key "
                        + "attribute as its first operand")
            }
        }
        var name: String?
        var position = 0
        var values: [AttributeValue] = []
        for (index, operand) in operands.enumerated() {
            switch operand {
            case .path(let path):
                if name != nil {
                    throw Self.error(
                        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")
                }
                if path.elements.count > 1 {
                    throw Self.error("KeyConditionExpressions cannot have conditions on nested attributes")
                }
                name = path.attributeName
                position = index
            case .size:
                throw Self.error("KeyConditionExpressions cannot contain nested operations")
            case .value(let value):
                values.append(value)
            }
        }
        guard let name else {
            throw Self.error("Invalid condition in KeyConditionExpression: No key attribute specified")
        }
        if parts.contains(where: { $0.name == name }) {
            throw Self.error("KeyConditionExpressions must only contain one condition per key")
        }
        let comparison: SortKeyCondition.Comparison
        switch (operatorName, position) {
        case ("BETWEEN", _): comparison = .between(values[0], values[1])
        case ("begins_with", _): comparison = .beginsWith(values[0])
        case ("=", _): comparison = .equal(values[0])
        case ("<", 0), (">", 1): comparison = .less(values[0])
        case ("<=", 0), (">=", 1): comparison = .lessOrEqual(values[0])
        case (">", 0), ("<", 1): comparison = .greater(values[0])
        default: comparison = .greaterOrEqual(values[0])
        }
        parts.append((name, comparison))
    }

    func validate(against schema: KeySchema) throws(ExpressionError) -> KeyCondition {
        if parts.count > 2 { throw Self.error("Conditions can be of length 1 or 2 only") }
        let keys = [schema.partitionKey] + (schema.sortKey.map { [$0] } ?? [])
        for part in parts {
            guard let key = keys.first(where: { $0.name == part.name }) else { continue }
            if part.comparison.values.contains(where: { $0.typeDescriptor != key.type.rawValue }) {
                throw Self.error(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type")
            }
        }
        if schema.sortKey == nil && parts.count > 1 { throw Self.error("Query key condition not supported") }
        guard let partition = parts.first(where: { $0.name == schema.partitionKey.name }) else {
            throw Self.error("Query condition missed key schema element: \(schema.partitionKey.name)")
        }
        guard case .equal(let partitionValue) = partition.comparison else {
            throw Self.error("Query key condition not supported")
        }
        let other = parts.first { $0.name != schema.partitionKey.name }
        if let other, let sortKey = schema.sortKey, other.name != sortKey.name {
            throw Self.error("Query condition missed key schema element: \(sortKey.name)")
        }
        for part in parts {
            for value in part.comparison.values {
                if case .s("") = value { throw Self.emptyKey(part.name, "string") }
                if case .b(let data) = value, data.isEmpty { throw Self.emptyKey(part.name, "binary") }
            }
        }
        return KeyCondition(
            partitionKeyName: schema.partitionKey.name, partitionKeyValue: partitionValue,
            sortKeyCondition: other.map { SortKeyCondition(attributeName: $0.name, comparison: $0.comparison) })
    }

    private static func emptyKey(_ name: String, _ kind: String) -> ExpressionError {
        error(
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
                + "empty \(kind) value. Key: \(name)")
    }
}
