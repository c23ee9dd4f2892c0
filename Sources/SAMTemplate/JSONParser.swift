// A strict JSON reader written for templates. Foundation's readers were not enough here: on Linux they accept
// trailing commas, keep the last of duplicate keys silently, lose key order, and report a byte offset (or no
// position at all) instead of a line and column.

/// Where and why a JSON text failed to parse; line and column are 1-based, columns count Unicode scalars.
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var found: String
    var expected: String
}

/// Parses one JSON document into a `JSONValue`.
struct JSONParser {
    private static let maximumDepth = 512
    private static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Parses `text`; anything but whitespace after the value is an error.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses UTF-8 `bytes`; anything but whitespace after the value is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is not part of the document.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var parser = JSONParser(bytes: hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes)
        if let invalid = UTF8Validation.firstInvalidOffset(in: parser.bytes) {
            while parser.index < invalid { parser.advance() }
            throw JSONSyntaxError(
                line: parser.line, column: parser.column,
                found: "the byte 0x" + String(parser.bytes[invalid], radix: 16, uppercase: true),
                expected: "UTF-8 text")
        }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.failure(expected: "the end of the document")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else {
            throw failure(expected: "nesting at most \(Self.maximumDepth) levels deep")
        }
        guard let byte = peek() else { throw failure(expected: "a JSON value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure(expected: "a JSON value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance()  // {
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure(expected: "a property name in double quotes") }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            if object[key] != nil {
                throw JSONSyntaxError(
                    line: keyLine, column: keyColumn, found: "a second \(quoted(key)) key",
                    expected: "each key at most once per object")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure(expected: "':' after the property name") }
            advance()
            skipWhitespace()
            object[key] = try parseValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(object)
            default: throw failure(expected: "',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            default: throw failure(expected: "',' or ']'")
            }
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for expectedByte in word.utf8 {
            guard peek() == expectedByte else { throw failure(expected: "'\(word)'") }
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { advance() }
        if peek() == UInt8(ascii: "0") {
            advance()
        } else {
            try digits()
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            advance()
            try digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            try digits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        return .number(Double(text) ?? .nan)
    }

    private mutating func digits() throws(JSONSyntaxError) {
        guard let byte = peek(), isDigit(byte) else { throw failure(expected: "a digit") }
        while let byte = peek(), isDigit(byte) { advance() }
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure(expected: "'\"' to close the string") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw failure(expected: "a control character escaped as \\n, \\t or \\u00XX inside a string")
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard let byte = peek() else { throw failure(expected: "an escape character") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            buffer.append(replacement)
            advance()
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw failure(expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        advance()
        var scalar = try hexQuad()
        if (0xD800..<0xDC00).contains(scalar), peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") {
            advance()
            advance()
            let low = try hexQuad()
            if (0xDC00..<0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                buffer.append(contentsOf: Array(String(Self.replacementCharacter).utf8))
                scalar = low
            }
        }
        let character = Unicode.Scalar(scalar) ?? Self.replacementCharacter
        buffer.append(contentsOf: Array(String(character).utf8))
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw failure(expected: "four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    // MARK: Cursor

    private func peek(offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
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

    private func failure(expected: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, found: foundDescription(), expected: expected)
    }

    private func foundDescription() -> String {
        guard index < bytes.count else { return "the end of the document" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[index..<end], as: UTF8.self)
        switch bytes[index] {
        case 0x0A: return "a line break"
        case 0..<0x20: return "a control character"
        default: return "'\(character)'"
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func quoted(_ key: String) -> String {
        "\"" + key + "\""
    }
}
