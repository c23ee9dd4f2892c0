/// One lexical token of an expression, with its place in the source (unicode-scalar offsets).
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word: attribute name, keyword or function name.
        case word
        /// `#name`.
        case namePlaceholder
        /// `:value`.
        case valuePlaceholder
        /// Decimal digits (list indexes).
        case number
        /// Punctuation or an operator: `( ) [ ] , . = <> < <= > >= + -`, or any other single character.
        case symbol
        case end
    }

    let kind: Kind
    let text: String
    let start: Int
    let end: Int

    /// Whether this is the bare word `keyword`, compared case-insensitively.
    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.uppercased() == keyword
    }

    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }
}
