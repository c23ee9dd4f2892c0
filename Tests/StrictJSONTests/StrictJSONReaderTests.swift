import StrictJSON
import Testing

struct StrictJSONReaderTests {
    @Test("keeps member order and number literals as written")
    func orderAndLiterals() throws {
        let value = try StrictJSONReader.read(#"{"z": 1.50, "a": [-0, 1E+2, 100000000000000000000], "m": {}}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(members[0].value == .number(literal: "1.50"))
        #expect(
            members[1].value
                == .array([.number(literal: "-0"), .number(literal: "1E+2"), .number(literal: "100000000000000000000")]))
        #expect(members[2].value == .object([]))
    }

    @Test("names each key's position: byte offset, line and column in Unicode scalars")
    func keyPositions() throws {
        let value = try StrictJSONReader.read("{\"é\": 1,\n  \"b\": 2}")
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members[0].keyPosition == StrictJSONPosition(offset: 1, line: 1, column: 2))
        #expect(members[1].keyPosition == StrictJSONPosition(offset: 12, line: 2, column: 3))
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        #expect(try StrictJSONReader.read(#""a\n\t\/\\\u00e9\ud83d\ude00\u0041\b\f\r""#) == .string("a\n\t/\\é😀A\u{8}\u{C}\r"))
    }

    @Test(
        "reports what is wrong and where",
        arguments: [
            (#"{"a": 1, "a": 2}"#, StrictJSONError.Problem.duplicateKey("a"), 9, 1, 10),
            ("[1, 2,]", .expectedValue, 6, 1, 7),
            ("{\n  \"a\": 1,\n}", .expectedKey, 12, 3, 1),
            (#"{"a" 1}"#, .expectedColon, 5, 1, 6),
            (#"{"a": 1 "b": 2}"#, .expectedCommaOrObjectEnd, 8, 1, 9),
            ("[1 2]", .expectedCommaOrArrayEnd, 3, 1, 4),
            ("tru", .invalidLiteral(word: "true", start: StrictJSONPosition(offset: 0, line: 1, column: 1)), 3, 1, 4),
            ("-", .expectedDigit(part: .integer), 1, 1, 2),
            ("1.", .expectedDigit(part: .fraction), 2, 1, 3),
            ("1e+", .expectedDigit(part: .exponent), 3, 1, 4),
            ("01", .trailingContent, 1, 1, 2),
            (#""abc"#, .unterminatedString, 4, 1, 5),
            ("\"a\tb\"", .controlCharacterInString, 2, 1, 3),
            (#""\q""#, .invalidEscape, 2, 1, 3),
            (#""\u12x4""#, .expectedHexDigits, 5, 1, 6),
            (#""\ud83d""#, .unpairedSurrogate(0xD83D), 7, 1, 8),
            (#""\ud83d\u0041""#, .unpairedSurrogate(0xD83D), 13, 1, 14),
            (#""\ude00""#, .unpairedSurrogate(0xDE00), 7, 1, 8),
            ("", .expectedValue, 0, 1, 1),
        ])
    func errors(text: String, problem: StrictJSONError.Problem, offset: Int, line: Int, column: Int) {
        do {
            let value = try StrictJSONReader.read(text)
            Issue.record("read \(value) from \(text)")
        } catch {
            #expect(error.problem == problem)
            #expect(error.position == StrictJSONPosition(offset: offset, line: line, column: column))
        }
    }

    @Test(
        "rejects bytes that are not UTF-8 at the first one",
        arguments: [
            ([UInt8]("[\"".utf8) + [0xFF] + Array("\"]".utf8), 0xFF as UInt8, 2),
            ([UInt8]("[\"".utf8) + [0xC0, 0x80] + Array("\"]".utf8), 0xC0, 2),  // an overlong form
            ([UInt8]("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 0xED, 2),  // a surrogate
            ([UInt8]("[\"é".utf8) + [0xC3], 0xC3, 4),  // truncated at the end
        ])
    func invalidUTF8(bytes: [UInt8], byte: UInt8, offset: Int) {
        do {
            let value = try StrictJSONReader.read(bytes)
            Issue.record("read \(value) from bytes that are not UTF-8")
        } catch {
            #expect(error.problem == .invalidUTF8(byte: byte))
            // Columns count characters: "é" is two bytes, one column.
            #expect(error.position == StrictJSONPosition(offset: offset, line: 1, column: offset == 4 ? 4 : 3))
        }
    }

    @Test("allows the deepest nesting allowed and rejects one level more at its bracket")
    func depth() throws {
        let limit = StrictJSONReader.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { _ = try StrictJSONReader.read(deepest) }
        do {
            _ = try StrictJSONReader.read(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
            Issue.record("read \(limit + 1) nested arrays")
        } catch {
            #expect(error.problem == .tooDeep(limit: limit))
            #expect(error.position.offset == limit)
        }
    }
}
