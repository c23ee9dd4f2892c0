/// A JSON tree a pattern is matched against: a stream record as Lambda delivers it, or parsed JSON.
///
/// Numbers keep their literal text (exact matching compares JSON representations, so `300` and `300.0`
/// differ) and their `Double` value (for `numeric` ranges).
public enum FilterDocument: Sendable, Hashable {
    /// A JSON object.
    case object([String: FilterDocument])
    /// A JSON array.
    case array([FilterDocument])
    /// A JSON string.
    case string(String)
    /// A JSON number: its text as written (`3.0e2`) and its value.
    case number(literal: String, value: Double)
    /// `true` or `false`.
    case bool(Bool)
    /// JSON `null`.
    case null

    /// A number from an integer, its literal the decimal digits.
    public static func integer(_ value: some BinaryInteger) -> FilterDocument {
        .number(literal: String(value), value: Double(value))
    }

    /// The value under `key` when this is an object.
    public subscript(key: String) -> FilterDocument? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }
}

extension FilterDocument {
    /// Parses any JSON value, keeping each number's literal text.
    /// - Throws: ``FilterPatternError`` with code `.invalidJSON` naming the offset of the problem.
    public init(parsingJSON text: String) throws(FilterPatternError) {
        self = try JSONReader(text).readDocument()
    }

    /// How error messages name a value: strings quoted, numbers as written, containers by kind.
    var shortDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string(let text): "\"\(text)\""
        case .number(let literal, _): literal
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }
}
