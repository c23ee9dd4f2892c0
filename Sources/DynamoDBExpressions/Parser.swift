/// A recursive-descent parser over ``Token``s; the grammar for each expression kind is in an extension
/// (`Parser+Condition.swift`, `Parser+Update.swift`, `Parser+Projection.swift`).
///
/// Every recursive rule passes through ``nested(_:)``, and every operator or function through
/// ``countOperator()``, so the depth of both the recursion and the tree built is bounded by
/// ``ExpressionLimits``.
struct Parser {
    let kind: ExpressionKind
    let tokens: [Token]
    let source: [Unicode.Scalar]
    var position = 0
    /// How deep the recursive rules are nested right now.
    private(set) var nesting = 0
    /// The operators and functions read so far.
    var operators = 0

    /// - Throws: "The expression can not be empty;" for an empty source, DynamoDB's size error for a source
    ///   over 4 KB (checked before the source is read any further).
    init(_ source: String, kind: ExpressionKind) throws(ExpressionError) {
        if source.isEmpty { throw ExpressionError(kind, "The expression can not be empty;") }
        let bytes = source.utf8.count
        if bytes > ExpressionLimits.maximumBytes { throw ExpressionLimits.sizeError(kind, bytes: bytes) }
        self.kind = kind
        self.source = Array(source.unicodeScalars)
        self.tokens = Lexer.tokens(of: source)
    }

    var current: Token { tokens[position] }
    var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    /// Runs one recursive rule one level deeper.
    /// - Throws: the nesting error past ``ExpressionLimits/maximumNesting``, and whatever `rule` throws.
    mutating func nested<T>(_ rule: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        if nesting >= ExpressionLimits.maximumNesting { throw ExpressionLimits.nestingError(kind) }
        nesting += 1
        defer { nesting -= 1 }
        return try rule(&self)
    }

    /// Counts one operator or function.
    /// - Throws: the operator error past ``ExpressionLimits/maximumOperators``.
    mutating func countOperator() throws(ExpressionError) {
        operators += 1
        if operators > ExpressionLimits.maximumOperators {
            throw ExpressionLimits.operatorsError(kind, count: operators)
        }
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// DynamoDB's syntax error at the current token: `Syntax error; token: "<tok>", near: "<prev tok next>"`.
    func syntaxError() -> ExpressionError {
        let token = current
        let previous = position > 0 ? tokens[position - 1] : nil
        let from = previous?.start ?? token.start
        let to: Int
        if token.kind == .end {
            to = previous?.end ?? token.start
        } else if next.kind != .end {
            to = next.end
        } else {
            to = token.end
        }
        var near = String.UnicodeScalarView()
        near.append(contentsOf: source[from..<max(from, to)])
        return ExpressionError(kind, "Syntax error; token: \"\(token.text)\", near: \"\(String(near))\"")
    }

    mutating func expectSymbol(_ symbol: String) throws(ExpressionError) {
        guard current.isSymbol(symbol) else { throw syntaxError() }
        advance()
    }

    mutating func expectEnd() throws(ExpressionError) {
        guard current.kind == .end else { throw syntaxError() }
    }

    /// `name`, `#name`, then any of `.name`, `.#name`, `[digits]`. In conditions AND/OR/NOT/BETWEEN/IN are
    /// keywords, not names; update expressions pass `keywordsAreNames` (they are ordinary words there).
    mutating func parsePath(keywordsAreNames: Bool = false) throws(ExpressionError) -> Syntax.Path {
        var elements = [try parsePathName(keywordsAreNames: keywordsAreNames)]
        while true {
            if current.isSymbol(".") {
                advance()
                elements.append(try parsePathName(keywordsAreNames: keywordsAreNames))
            } else if current.isSymbol("[") {
                advance()
                guard current.kind == .number, let index = Int(current.text) else { throw syntaxError() }
                advance()
                try expectSymbol("]")
                elements.append(.index(index))
            } else {
                if elements.count > ExpressionLimits.maximumPathDepth {
                    throw ExpressionLimits.pathDepthError(kind, levels: elements.count)
                }
                return Syntax.Path(elements: elements)
            }
        }
    }

    private mutating func parsePathName(keywordsAreNames: Bool) throws(ExpressionError) -> Syntax.PathElement {
        switch current.kind {
        case .word where keywordsAreNames || !Self.conditionKeywords.contains(current.text.uppercased()):
            defer { advance() }
            return .word(current.text)
        case .namePlaceholder:
            defer { advance() }
            return .placeholder(current.text)
        default:
            throw syntaxError()
        }
    }

    /// Words the condition grammar reserves for itself; they can never be attribute names or functions.
    static let conditionKeywords: Set<String> = ["AND", "OR", "NOT", "BETWEEN", "IN"]
}
