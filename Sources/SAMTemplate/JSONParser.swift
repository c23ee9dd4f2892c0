import StrictJSON

/// Where and why a JSON text failed to parse; line and column are 1-based, columns count Unicode scalars.
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var found: String
    var expected: String
}

/// Parses one template JSON document into a `JSONValue` with the strict reader, in the template's error words.
enum JSONParser {
    /// Parses `text`; anything but whitespace after the value is an error.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses UTF-8 `bytes`; anything but whitespace after the value is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is not part of the document.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        do {
            return JSONValue(try StrictJSONReader.read(hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes))
        } catch {
            throw JSONSyntaxError(error)
        }
    }
}

extension JSONValue {
    /// The template's value for a strict reader's value: integers that fit in `Int` apart from other numbers.
    init(_ value: StrictJSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .number(let literal):
            let isInteger = !literal.contains { $0 == "." || $0 == "e" || $0 == "E" }
            if isInteger, let integer = Int(literal) {
                self = .integer(integer)
            } else {
                self = .number(Double(literal) ?? .nan)
            }
        case .string(let string): self = .string(string)
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .object(let members):
            var object = JSONObject()
            for member in members { object[member.key] = JSONValue(member.value) }
            self = .object(object)
        }
    }
}

extension JSONSyntaxError {
    /// The strict reader's error in the words template errors use ("found …, expected …").
    init(_ error: StrictJSONError) {
        var found = Self.describe(error.found)
        let expected: String
        switch error.problem {
        case .invalidUTF8(let byte):
            found = "the byte 0x" + String(byte, radix: 16, uppercase: true)
            expected = "UTF-8 text"
        case .tooDeep(let limit): expected = "nesting at most \(limit) levels deep"
        case .expectedValue: expected = "a JSON value"
        case .invalidLiteral(let word, _): expected = "'\(word)'"
        case .expectedKey: expected = "a property name in double quotes"
        case .duplicateKey(let key):
            found = "a second \"\(key)\" key"
            expected = "each key at most once per object"
        case .expectedColon: expected = "':' after the property name"
        case .expectedCommaOrObjectEnd: expected = "',' or '}'"
        case .expectedCommaOrArrayEnd: expected = "',' or ']'"
        case .expectedDigit: expected = "a digit"
        case .unterminatedString: expected = "'\"' to close the string"
        case .controlCharacterInString: expected = "a control character escaped as \\n, \\t or \\u00XX inside a string"
        case .invalidEscape:
            expected =
                error.found == nil ? "an escape character" : "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        case .expectedHexDigits: expected = "four hexadecimal digits after \\u"
        case .unpairedSurrogate(let unit):
            found = "the unpaired surrogate \\u" + String(unit, radix: 16, uppercase: true)
            expected = "a surrogate pair (\\uD800-\\uDBFF followed by \\uDC00-\\uDFFF)"
        case .trailingContent: expected = "the end of the document"
        }
        self.init(line: error.position.line, column: error.position.column, found: found, expected: expected)
    }

    private static func describe(_ character: String?) -> String {
        guard let character, let first = character.utf8.first else { return "the end of the document" }
        switch first {
        case 0x0A: return "a line break"
        case 0..<0x20: return "a control character"
        default: return "'\(character)'"
        }
    }
}
