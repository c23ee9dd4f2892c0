import DynamoDBTypes
import Foundation
import Testing

/// The strict reading of request bodies: one JSON object, no key twice, bounded nesting, never recursion.
struct RequestBodyCheckTests {
    static func problem(_ text: String) -> RequestBodyCheck.Problem? {
        RequestBodyCheck.problem(in: Data(text.utf8))
    }

    @Test(
        "well-formed objects pass",
        arguments: [
            "{}", " {\"a\": 1} ", #"{"a": [1, -2.5e+3, 0, true, false, null, "x", {}, []]}"#,
            #"{"a": {"a": {"a": 1}}, "b": {"a": 2}}"#, #"{"\u00e9\ud83d\ude00": "\n\t\/\\\""}"#,
            "{\"é\": \"ü\"}",
        ])
    func wellFormed(text: String) {
        #expect(Self.problem(text) == nil)
    }

    @Test(
        "malformed bodies name the byte and what was expected there",
        arguments: [
            ("", 0, "a value"), ("{", 1, "a string key"), (#"{"a" 1}"#, 5, "':'"), (#"{"a": }"#, 6, "a value"),
            (#"{"a": 1,}"#, 8, "a string key"), (#"{"a": [1,]}"#, 9, "a value"), (#"{"a": 01}"#, 7, "',' or '}'"),
            (#"{"a": 1.}"#, 8, "a digit"), (#"{"a": tru}"#, 9, "true"), (#"{"a": "\x"}"#, 8, "an escape"),
            (#"{"a": "\ud800"}"#, 13, "a \\u escape"), ("{\"a\": \"\u{1}\"}", 7, "no control character inside a string"),
            (#"{"a": 1} {}"#, 9, "the end of the body"), (#"{"a": [1}"#, 8, "',' or ']'"),
        ] as [(String, Int, String)])
    func malformed(text: String, offset: Int, expected: String) {
        #expect(Self.problem(text) == .malformed(offset: offset, expected: expected))
    }

    @Test("invalid UTF-8 in a string is malformed")
    func invalidUTF8() {
        let data = Data(#"{"a": ""#.utf8) + Data([0xFF, 0xFE]) + Data(#""}"#.utf8)
        #expect(RequestBodyCheck.problem(in: data) == .malformed(offset: 10, expected: "a string of valid UTF-8"))
    }

    @Test("a value that is not an object", arguments: ["[]", "1", "\"x\"", "null"])
    func notAnObject(text: String) {
        #expect(Self.problem(text) == .notAnObject)
    }

    @Test("the first key named twice in one object, escapes decoded")
    func duplicates() {
        #expect(Self.problem(#"{"a": 1, "b": {"a": 2}, "c": 3}"#) == nil)
        #expect(Self.problem(#"{"a": 1, "b": 2, "a": 3, "b": 4}"#) == .duplicateKey("a", offset: 17))
        #expect(Self.problem(#"{"m": {"k": 1, "\u006b": 2}}"#) == .duplicateKey("k", offset: 15))
        // Malformed wins over a duplicate, as a parser that stops at the first error would see it.
        #expect(Self.problem(#"{"a": 1, "a": 2"#) == .malformed(offset: 15, expected: "',' or '}'"))
    }

    @Test("nesting is bounded without recursion: 128 levels pass, 129 and a million are too deep")
    func depth() {
        let nested = { (levels: Int) in
            "{\"a\": " + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1) + "}"
        }
        #expect(Self.problem(nested(128)) == nil)
        #expect(Self.problem(nested(129)) == .tooDeep)
        #expect(Self.problem(nested(1_000_000)) == .tooDeep)
        #expect(Self.problem("{\"a\": " + String(repeating: "[", count: 1_000_000)) == .malformed(offset: 1_000_006, expected: "a value"))
    }
}
