/// Splits an expression into tokens; never fails (an unexpected character becomes a one-character symbol
/// token that the parser reports as a syntax error, as DynamoDB does).
enum Lexer {
    static func tokens(of source: String) -> [Token] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        func text(_ from: Int, _ to: Int) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[from..<to])
            return String(out)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                index += 1
                continue
            }
            let start = index
            let kind: Token.Kind
            if scalar == "#" || scalar == ":" {
                index += 1
                while index < scalars.count, scalars[index].isExpressionWordCharacter { index += 1 }
                if index == start + 1 {
                    kind = .symbol
                } else {
                    kind = scalar == "#" ? .namePlaceholder : .valuePlaceholder
                }
            } else if scalar.isDigit {
                while index < scalars.count, scalars[index].isDigit { index += 1 }
                kind = .number
            } else if scalar.isLetter {
                // Bare names and function names start with a letter; `_a` is a syntax error on "_".
                while index < scalars.count, scalars[index].isExpressionWordCharacter { index += 1 }
                kind = .word
            } else {
                index += 1
                if index < scalars.count {
                    let pair = (scalar, scalars[index])
                    if pair == ("<", "=") || pair == ("<", ">") || pair == (">", "=") { index += 1 }
                }
                kind = .symbol
            }
            tokens.append(Token(kind: kind, text: text(start, index), start: start, end: index))
        }
        tokens.append(Token(kind: .end, text: "<EOF>", start: scalars.count, end: scalars.count))
        return tokens
    }
}

extension Unicode.Scalar {
    fileprivate var isDigit: Bool { value >= 0x30 && value <= 0x39 }
    fileprivate var isLetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
}
