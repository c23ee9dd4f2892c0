/// The limits an expression must stay within, checked while parsing so that no request can make the parser,
/// the resolver or the evaluator recurse deeper than a fixed bound.
///
/// DynamoDB's own limits (Developer Guide, "Constraints" → "Expression parameters" and "Attributes"): an
/// expression string is at most 4 KB, an expression holds at most 300 operators or functions, a document path
/// at most 32 levels. The nesting bound is the emulator's own: every tree the parser builds is at most
/// `maximumNesting + maximumOperators` deep, so recursion over it stays far from any thread's stack limit.
enum ExpressionLimits {
    /// "The maximum length of any expression string is 4 KB", counted in UTF-8 bytes.
    static let maximumBytes = 4096
    /// "The maximum number of operators or functions allowed in an expression is 300."
    static let maximumOperators = 300
    /// "DynamoDB supports nested attributes up to 32 levels deep": the longest document path.
    static let maximumPathDepth = 32
    /// The deepest syntactic nesting (parentheses, `NOT`s, function arguments) the parser follows. Any
    /// expression nested this deep is one DynamoDB rejects too (too many operators, or redundant parentheses).
    static let maximumNesting = 256

    /// DynamoDB's error for an expression over 4 KB.
    static func sizeError(_ kind: ExpressionKind, bytes: Int) -> ExpressionError {
        ExpressionError(kind, "Expression size has exceeded the maximum allowed size; expression size: \(bytes)")
    }

    /// DynamoDB's error for a document path deeper than 32 levels.
    static func pathDepthError(_ kind: ExpressionKind, levels: Int) -> ExpressionError {
        ExpressionError(kind, "The document path has too many nesting levels; nesting levels: \(levels)")
    }

    /// The error for more than 300 operators and functions (DynamoDB's wording could not be found).
    static func operatorsError(_ kind: ExpressionKind, count: Int) -> ExpressionError {
        ExpressionError(
            kind, "The expression has too many operators; operator count: \(count), maximum: \(maximumOperators)")
    }

    /// The error for nesting deeper than ``maximumNesting`` (the emulator's own guard).
    static func nestingError(_ kind: ExpressionKind) -> ExpressionError {
        ExpressionError(
            kind, "The expression has too many nesting levels; nesting levels exceed \(maximumNesting)")
    }
}
