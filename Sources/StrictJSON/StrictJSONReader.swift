// One strict JSON reader for every JSON text the emulator reads from users (templates, filter patterns). Foundation's
// readers are not enough: on Linux they accept trailing commas, keep the last of duplicate keys silently, lose key
// order and number literals, and report a byte offset (or no position at all) instead of a line and column.

/// Reads one JSON document strictly: RFC 8259's grammar only, well-formed UTF-8, no duplicate keys, no unpaired
/// surrogate escapes, nesting at most ``maximumDepth`` objects and arrays deep; key order and number literals kept.
public struct StrictJSONReader {
    /// How many objects and arrays may be open at once.
    public static let maximumDepth = 512

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    private var depth = 0

    /// Reads `bytes` (UTF-8); anything but whitespace after the value is an error.
    /// - Throws: ``StrictJSONError`` with the problem and its position.
    public static func read(_ bytes: [UInt8]) throws(StrictJSONError) -> StrictJSONValue {
        var reader = StrictJSONReader(bytes: bytes)
        if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
            while reader.index < invalid { reader.advance() }
            throw reader.failure(.invalidUTF8(byte: bytes[invalid]))
        }
        reader.skipWhitespace()
        let value = try reader.readValue()
        reader.skipWhitespace()
        if reader.index < bytes.count { throw reader.failure(.trailingContent) }
        return value
    }

    /// Reads `text`; anything but whitespace after the value is an error.
    public static func read(_ text: String) throws(StrictJSONError) -> StrictJSONValue {
        try read(Array(text.utf8))
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Values

    private mutating func readValue() throws(StrictJSONError) -> StrictJSONValue {
        guard let byte = peek() else { throw failure(.expectedValue) }
        switch byte {
        case UInt8(ascii: "{"): return try nested { (reader: inout Self) throws(StrictJSONError) in try reader.readObject() }
        case UInt8(ascii: "["): return try nested { (reader: inout Self) throws(StrictJSONError) in try reader.readArray() }
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try readLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(literal: try readNumber())
        default: throw failure(.expectedValue)
        }
    }

    private mutating func nested(
        _ body: (inout Self) throws(StrictJSONError) -> StrictJSONValue
    ) throws(StrictJSONError) -> StrictJSONValue {
        guard depth < Self.maximumDepth else { throw failure(.tooDeep(limit: Self.maximumDepth)) }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func readObject() throws(StrictJSONError) -> StrictJSONValue {
        advance()  // {
        var members: [StrictJSONMember] = []
        var keys: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure(.expectedKey) }
            let keyPosition = position
            let key = try readString()
            guard keys.insert(key).inserted else {
                throw StrictJSONError(problem: .duplicateKey(key), position: keyPosition, found: "\"")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure(.expectedColon) }
            advance()
            skipWhitespace()
            members.append(StrictJSONMember(key: key, value: try readValue(), keyPosition: keyPosition))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(members)
            default: throw failure(.expectedCommaOrObjectEnd)
            }
        }
    }

    private mutating func readArray() throws(StrictJSONError) -> StrictJSONValue {
        advance()  // [
        var elements: [StrictJSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            default: throw failure(.expectedCommaOrArrayEnd)
            }
        }
    }

    private mutating func readLiteral(_ word: String, _ value: StrictJSONValue) throws(StrictJSONError) -> StrictJSONValue {
        let start = position
        for expectedByte in word.utf8 {
            guard peek() == expectedByte else { throw failure(.invalidLiteral(word: word, start: start)) }
            advance()
        }
        return value
    }

    private mutating func readNumber() throws(StrictJSONError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { advance() }
        if peek() == UInt8(ascii: "0") {
            advance()
        } else {
            try digits(.integer)
        }
        if peek() == UInt8(ascii: ".") {
            advance()
            try digits(.fraction)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            try digits(.exponent)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits(_ part: StrictJSONError.NumberPart) throws(StrictJSONError) {
        guard let byte = peek(), Self.isDigit(byte) else { throw failure(.expectedDigit(part: part)) }
        while let byte = peek(), Self.isDigit(byte) { advance() }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    // MARK: Cursor

    var position: StrictJSONPosition {
        StrictJSONPosition(offset: index, line: line, column: column)
    }

    func peek(offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes of a multi-byte character do not start a new column.
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
        {
            advance()
        }
    }

    func failure(_ problem: StrictJSONError.Problem) -> StrictJSONError {
        StrictJSONError(problem: problem, position: position, found: character(at: index))
    }

    /// The whole (possibly multi-byte) character starting at `offset`, nil at the end.
    private func character(at offset: Int) -> String? {
        guard offset < bytes.count else { return nil }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
