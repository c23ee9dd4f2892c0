/// A JSON value as written: object members in document order, numbers as their literal text.
public enum StrictJSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number as written (`-2.5e1`, `0`); the grammar is JSON's, so the literal always parses as a `Double`.
    case number(literal: String)
    case string(String)
    case array([StrictJSONValue])
    /// The members in document order; no key appears twice.
    case object([StrictJSONMember])
}

/// One `"key": value` of an object, with where its key starts. Two members are equal when their keys and values
/// are: the position says where a member was read, not what it is.
public struct StrictJSONMember: Hashable, Sendable {
    /// The decoded key.
    public var key: String
    /// The value.
    public var value: StrictJSONValue
    /// Where the key's opening quote is.
    public var keyPosition: StrictJSONPosition

    /// Creates a member.
    public init(key: String, value: StrictJSONValue, keyPosition: StrictJSONPosition) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.key == right.key && left.value == right.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}

/// A place in the text: a 0-based byte offset and a 1-based line and column (columns count Unicode scalars,
/// lines are ended by line feeds).
public struct StrictJSONPosition: Hashable, Sendable {
    /// Bytes before this place.
    public var offset: Int
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}
