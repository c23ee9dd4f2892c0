/// Which request parameter an expression came from; DynamoDB names it at the start of every parse error.
public enum ExpressionKind: String, Sendable, Hashable, CaseIterable {
    case keyCondition = "KeyConditionExpression"
    case condition = "ConditionExpression"
    case filter = "FilterExpression"
    case projection = "ProjectionExpression"
    case update = "UpdateExpression"

    /// The request parameter's name, as DynamoDB writes it (`"ConditionExpression"`).
    public var parameterName: String { rawValue }
}
