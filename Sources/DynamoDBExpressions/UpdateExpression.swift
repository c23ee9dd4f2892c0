import DynamoDBTypes

/// A parsed UpdateExpression (`SET`, `REMOVE`, `ADD`, `DELETE` clauses), ready to apply to items.
public struct UpdateExpression: Sendable, Equatable {
    let actions: [UpdateAction]

    /// The document paths the actions write, in order of appearance.
    public var paths: [DocumentPath] { actions.map(\.path) }

    /// Parses `source`, resolving and recording the request's names and values in `attributes`.
    /// - Throws: ``ExpressionError`` ("Invalid UpdateExpression: …"): syntax, reserved words, undefined
    ///   placeholders, repeated clauses, overlapping or conflicting paths, operand types.
    public static func parse(
        _ source: String, attributes: inout ExpressionAttributes
    ) throws(ExpressionError) -> UpdateExpression {
        var parser = try Parser(source, kind: .update)
        let clauses = try parser.parseUpdate()
        var resolver = Resolver(attributes)
        let actions = resolver.update(clauses)
        try resolver.check(.update, order: Diagnostics.updateOrder)
        guard let actions else { preconditionFailure("an unresolved update always records a diagnostic") }
        resolver.commit(to: &attributes)
        return UpdateExpression(actions: actions)
    }
}

/// What an update produced.
public struct UpdateResult: Sendable, Equatable {
    /// The item after the update.
    public let item: Item
    /// The paths the update wrote or removed (project the old and new items on these for `UPDATED_OLD` /
    /// `UPDATED_NEW`, with ``ProjectionExpression/init(paths:)``).
    public let updatedPaths: [DocumentPath]

    /// The top-level attributes the update touched.
    public var updatedAttributes: Set<String> { Set(updatedPaths.map(\.attributeName)) }
}
