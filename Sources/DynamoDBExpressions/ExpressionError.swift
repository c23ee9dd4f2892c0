/// A request's expression was rejected; `message` is DynamoDB's own wording, which the HTTP edge sends back
/// as a `ValidationException`.
///
/// Parse errors start with the expression's parameter ("Invalid UpdateExpression: "); errors about the
/// request as a whole (unused names, key schema mismatches, key updates) carry DynamoDB's message without it.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression the error is about, when it is about one.
    public let kind: ExpressionKind?
    /// DynamoDB's message, complete (including any "Invalid …Expression: " prefix).
    public let message: String

    /// An error about one expression: the message becomes "Invalid <parameter>: <reason>".
    public init(_ kind: ExpressionKind, _ reason: String) {
        self.kind = kind
        self.message = "Invalid \(kind.parameterName): \(reason)"
    }

    /// An error whose message DynamoDB sends without an expression prefix.
    public init(message: String, kind: ExpressionKind? = nil) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
