/// One entry of a pattern field's matcher array, compiled.
///
/// Strings compare by their UTF-8 bytes (exact, no Unicode normalization, as Lambda and EventBridge
/// document); numbers compare by their JSON literal text for equality (`300` ≠ `300.0`) and by value
/// only inside `numeric`.
enum Matcher: Sendable, Hashable {
    /// `"text"`: a JSON string with exactly these characters.
    case string(String)
    /// `12`: a JSON number written exactly so.
    case number(literal: String)
    /// `true` / `false`: that JSON boolean.
    case bool(Bool)
    /// `null`: a JSON null (not an absent field).
    case null
    /// `{"prefix": "MSG#"}` or `{"prefix": {"equals-ignore-case": "msg#"}}` (operand lowercased then).
    case prefix(String, ignoringCase: Bool)
    /// `{"suffix": ".png"}` or `{"suffix": {"equals-ignore-case": ".PNG"}}` (operand lowercased then).
    case suffix(String, ignoringCase: Bool)
    /// `{"equals-ignore-case": "alice"}`; the operand is stored lowercased.
    case equalsIgnoreCase(String)
    /// `{"anything-but": …}`: a leaf none of these matchers match.
    case anythingBut([Matcher])
    /// `{"numeric": [">", 10, "<=", 20]}`: a JSON number in the range.
    case numeric(NumericRange)
    /// `{"exists": true|false}`: judged on the whole field (``PatternNode``), never on one leaf.
    case exists(Bool)

    /// Whether this matcher accepts `leaf` (a string, number, boolean or null; never an object or array).
    func matches(leaf: FilterDocument) -> Bool {
        switch (self, leaf) {
        case (.string(let expected), .string(let actual)): actual.utf8.elementsEqual(expected.utf8)
        case (.number(let expected), .number(let literal, _)): literal == expected
        case (.bool(let expected), .bool(let actual)): actual == expected
        case (.null, .null): true
        case (.prefix(let prefix, let ignoringCase), .string(let actual)):
            (ignoringCase ? actual.lowercased() : actual).utf8.starts(with: prefix.utf8)
        case (.suffix(let suffix, let ignoringCase), .string(let actual)):
            (ignoringCase ? actual.lowercased() : actual).utf8.reversed().starts(with: suffix.utf8.reversed())
        case (.equalsIgnoreCase(let expected), .string(let actual)):
            actual.lowercased().utf8.elementsEqual(expected.utf8)
        case (.anythingBut(let excluded), _): !excluded.contains { $0.matches(leaf: leaf) }
        case (.numeric(let range), .number(_, let value)): range.contains(value)
        case (.exists(let present), _): present
        default: false
        }
    }
}
