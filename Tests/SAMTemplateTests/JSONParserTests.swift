import Testing

@testable import SAMTemplate

struct JSONParserTests {
    @Test("parses every kind of value and keeps object keys in document order")
    func values() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": [true, false, null], "m": -2.5e1, "s": "x\"y", "i": -0}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "s", "i"])
        #expect(object["z"] == .integer(1))
        #expect(object["a"] == .array([.bool(true), .bool(false), .null]))
        #expect(object["m"] == .number(-25))
        #expect(object["s"] == .string("x\"y"))
        #expect(object["i"] == .integer(0))
    }

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        let value = try JSONParser.parse(#""a\n\t\/\\\u00e9\ud83d\ude00\u0041""#)
        #expect(value == .string("a\n\t/\\é😀A"))
    }

    @Test("an integer too large for Int becomes a Double")
    func largeInteger() throws {
        #expect(try JSONParser.parse("100000000000000000000") == .number(1e20))
    }

    @Test(
        "reports the line and column of a syntax error",
        arguments: [
            ("{\n  \"a\": 1,\n}", 3, 1, "'}'", "a property name in double quotes"),
            ("[1, 2,]", 1, 7, "']'", "a JSON value"),
            ("{\"a\" 1}", 1, 6, "'1'", "':' after the property name"),
            ("{\"a\": 1 \"b\": 2}", 1, 9, "'\"'", "',' or '}'"),
            ("", 1, 1, "the end of the document", "a JSON value"),
            ("{\"a\": tru}", 1, 10, "'}'", "'true'"),
            ("{\"é\": x}", 1, 7, "'x'", "a JSON value"),
            (
                "{\"a\": \"x\ny\"}", 1, 9, "a line break",
                "a control character escaped as \\n, \\t or \\u00XX inside a string"
            ),
            ("{\"a\": 1} {}", 1, 10, "'{'", "the end of the document"),
            ("{\"a\": 1, \"a\": 2}", 1, 10, "a second \"a\" key", "each key at most once per object"),
            ("01", 1, 2, "'1'", "the end of the document"),
            ("1.", 1, 3, "the end of the document", "a digit"),
            (
                "[\"\\ud83d\"]", 1, 9, "the unpaired surrogate \\uD83D",
                "a surrogate pair (\\uD800-\\uDBFF followed by \\uDC00-\\uDFFF)"
            ),
        ])
    func syntaxErrors(text: String, line: Int, column: Int, found: String, expected: String) {
        #expect(throws: JSONSyntaxError(line: line, column: column, found: found, expected: expected)) {
            try JSONParser.parse(text)
        }
    }

    @Test(
        "rejects bytes that are not UTF-8, naming the first one's line and column",
        arguments: [
            ([UInt8]("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8), 1, 8, "0xFF"),
            ([UInt8]("[\n\"é".utf8) + [0xC3] + Array("\"]".utf8), 2, 3, "0xC3"),  // a truncated sequence
            ([UInt8]("[\"".utf8) + [0xC0, 0x80] + Array("\"]".utf8), 1, 3, "0xC0"),  // an overlong form
            ([UInt8]("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 1, 3, "0xED"),  // a surrogate
        ])
    func invalidUTF8(bytes: [UInt8], line: Int, column: Int, byte: String) {
        #expect(throws: JSONSyntaxError(line: line, column: column, found: "the byte \(byte)", expected: "UTF-8 text")) {
            try JSONParser.parse(bytes)
        }
    }

    @Test("skips a UTF-8 byte order mark")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }
}
