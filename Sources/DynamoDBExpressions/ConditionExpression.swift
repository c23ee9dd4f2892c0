import DynamoDBTypes

/// A parsed ConditionExpression or FilterExpression, ready to evaluate against items.
public struct ConditionExpression: Sendable, Equatable {
    let condition: Condition

    /// The top-level attribute names the expression reads (for checks such as "Filter Expression can only
    /// contain non-primary key attributes").
    public var attributeNames: Set<String> { Set(condition.paths.map(\.attributeName)) }

    /// Every document path the expression reads, in order of appearance.
    public var documentPaths: [DocumentPath] { condition.paths }

    /// Rejects a Query filter that reads a key attribute of the table or index queried.
    /// - Throws: "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk".
    public func checkNoKeyAttributes(_ keyAttributes: [String]) throws(ExpressionError) {
        let read = attributeNames
        if let key = keyAttributes.first(where: read.contains) {
            throw ExpressionError(
                message: "Filter Expression can only contain non-primary key attributes: Primary key attribute: \(key)",
                kind: .filter)
        }
    }

    /// Parses `source` as a condition of `kind` (`.condition` or `.filter`), resolving and recording the
    /// request's names and values in `attributes`.
    /// - Throws: ``ExpressionError`` with DynamoDB's message ("Invalid ConditionExpression: …").
    public static func parse(
        _ source: String, kind: ExpressionKind = .condition, attributes: inout ExpressionAttributes
    ) throws(ExpressionError) -> ConditionExpression {
        var parser = try Parser(source, kind: kind)
        let syntax = try parser.parseCondition()
        var resolver = Resolver(attributes)
        let condition = resolver.condition(syntax)
        try resolver.check(kind, order: Diagnostics.conditionOrder)
        guard let condition else { preconditionFailure("an unresolved condition always records a diagnostic") }
        resolver.commit(to: &attributes)
        return ConditionExpression(condition: condition)
    }
}
