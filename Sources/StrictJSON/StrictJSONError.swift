/// Why and where a text is not strict JSON. Each reader built on ``StrictJSONReader`` words the problem its own way.
public struct StrictJSONError: Error, Hashable, Sendable {
    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        /// A byte that does not start well-formed UTF-8 (overlong forms and surrogates included).
        case invalidUTF8(byte: UInt8)
        /// An object or array opened deeper than `limit` levels.
        case tooDeep(limit: Int)
        /// A value was expected.
        case expectedValue
        /// A `true`, `false` or `null` misspelled; `start` is where the word began.
        case invalidLiteral(word: String, start: StrictJSONPosition)
        /// A property name in double quotes was expected.
        case expectedKey
        /// A key written twice in one object (the position is the second one's).
        case duplicateKey(String)
        /// `:` was expected after a key.
        case expectedColon
        /// `,` or `}` was expected.
        case expectedCommaOrObjectEnd
        /// `,` or `]` was expected.
        case expectedCommaOrArrayEnd
        /// A digit was expected in the number's `part`.
        case expectedDigit(part: NumberPart)
        /// The text ended inside a string.
        case unterminatedString
        /// A byte below 0x20 inside a string.
        case controlCharacterInString
        /// A `\` followed by something else than `" \ / b f n r t u` (or by the end of the text).
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits.
        case expectedHexDigits
        /// A `\uD800`–`\uDFFF` escape that is not half of a pair.
        case unpairedSurrogate(UInt16)
        /// Something after the value.
        case trailingContent
    }

    /// The part of a number that lacks digits.
    public enum NumberPart: Hashable, Sendable {
        case integer, fraction, exponent
    }

    /// What is wrong.
    public var problem: Problem
    /// Where.
    public var position: StrictJSONPosition
    /// The character at `position` (nil at the end of the text).
    public var found: String?

    /// Creates an error.
    public init(problem: Problem, position: StrictJSONPosition, found: String?) {
        self.problem = problem
        self.position = position
        self.found = found
    }
}
