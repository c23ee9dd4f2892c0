import DynamoDBTypes

/// One filter of a mapping's `FilterCriteria`: an EventBridge-style pattern, parsed and checked once.
///
/// Supported: exact strings, numbers (by JSON representation), booleans and `null`; `""`; `prefix`,
/// `suffix` (each also as `{"equals-ignore-case": …}`), `equals-ignore-case`, `anything-but` (value, list,
/// `prefix`, `suffix`, `equals-ignore-case`), `numeric` and `exists`. `wildcard`, `cidr` and `$or` are
/// rejected (not documented for Lambda event filtering).
public struct FilterPattern: Sendable, Hashable {
    /// The longest pattern text Lambda accepts, in UTF-16 code units.
    public static let maximumLength = 4096

    /// The pattern as given.
    public let text: String
    /// The compiled top-level fields.
    let root: [String: PatternNode]

    /// Parses and checks a pattern (a JSON object as text).
    /// - Throws: ``FilterPatternError`` naming the offending field path and value.
    public init(parsing text: String) throws(FilterPatternError) {
        let length = text.utf16.count
        guard length <= Self.maximumLength else {
            throw FilterPatternError(
                .patternTooLong, "The pattern is \(length) characters long; at most \(Self.maximumLength) are allowed.")
        }
        self.text = text
        root = try PatternCompiler.compileRoot(FilterDocument(parsingJSON: text))
    }

    /// Whether `document` satisfies every field of the pattern.
    public func matches(_ document: FilterDocument) -> Bool {
        PatternNode.fields(root).matches(document)
    }

    /// Whether the record, as Lambda delivers it, satisfies the pattern.
    public func matches(_ record: StreamRecord) -> Bool {
        matches(FilterDocument(record: record))
    }
}
