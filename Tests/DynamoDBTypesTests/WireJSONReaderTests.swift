import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct WireJSONReaderTests {
    static func readItem(_ text: String) -> Item? {
        WireJSONReader.read(Data(text.utf8)) { reader throws(WireJSONReader.Miss) in try reader.readItem() }
    }

    static let accepted: [String] = [
        #"{}"#,
        #" { "pk" : { "S" : "a" } , "n" : {"N":"1.50"} } "#,
        #"{"s":{"S":"esc \" \\ \/ \b \f \n \r \t \u0041 \u00e9 \ud83d\ude00 é 😀"}}"#,
        #"{"b":{"B":"Zm9vYmFy"},"bs":{"BS":["AAEqQQ==",""]},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]}}"#,
        #"{"m":{"M":{"x":{"L":[{"NULL":true},{"BOOL":false},{"BOOL":true},{"M":{}},{"L":[]}]}}}}"#,
        "{\"pk\":{\"S\":\"x\"},\n\t\r\"e\":{\"S\":\"\"}}",
    ]

    @Test("an item reads to exactly what JSONDecoder decodes", arguments: accepted)
    func matchesDecoder(_ text: String) throws {
        let fast = try #require(Self.readItem(text))
        #expect(fast == (try JSONDecoder().decode(Item.self, from: Data(text.utf8))))
    }

    static let missed: [String] = [
        "",  // empty
        "[]",  // not an object
        #"{"pk":{"S":"a"}} x"#,  // trailing text
        #"{"pk":{"S":"a"},}"#,  // trailing comma
        #"{"pk":{"S":"a"},"pk":{"S":"b"}}"#,  // duplicate name
        #"{"pk":{"S":"a","N":"1"}}"#,  // two types
        #"{"pk":{}}"#,  // no type
        #"{"pk":{"X":"1"}}"#,  // unknown type
        #"{"pk":{"NULL":false}}"#,
        #"{"pk":{"S":1}}"#,  // wrong JSON type
        #"{"pk":{"S":null}}"#,
        #"{"pk":{"B":"not base64!"}}"#,
        #"{"pk":{"S":"\x"}}"#,  // bad escape
        #"{"pk":{"S":"\ud800"}}"#,  // lone surrogate
        #"{"pk":{"S":"\udc00"}}"#,
        "{\"pk\":{\"S\":\"a\u{01}b\"}}",  // raw control character
        #"{"pk":{"S":"unterminated}}"#,
        String(repeating: #"{"m":{"M":"#, count: 70) + "{}" + String(repeating: "}}", count: 70),  // deeper than 64
    ]

    @Test("anything JSONDecoder might read differently or reject is a miss", arguments: missed)
    func misses(_ text: String) {
        #expect(Self.readItem(text) == nil)
    }

    @Test("invalid UTF-8 is a miss")
    func invalidUTF8() {
        let bytes = Data(#"{"pk":{"S":""#.utf8) + Data([0xC3, 0x28]) + Data(#""}}"#.utf8)
        #expect(WireJSONReader.read(bytes) { reader throws(WireJSONReader.Miss) in try reader.readItem() } == nil)
    }

    static let integers: [(String, Int?)] = [
        ("0", 0), ("20", 20), (" 7 ", 7), ("9223372036854775807", Int.max), ("9223372036854775808", nil),
        ("020", nil), ("-1", nil), ("2.0", nil), ("2e1", nil), ("\"2\"", nil), ("", nil),
    ]

    @Test("integers are plain non-negative digits that fit in Int", arguments: integers)
    func integer(_ text: String, _ expected: Int?) {
        let value = WireJSONReader.read(Data(text.utf8)) { reader throws(WireJSONReader.Miss) in try reader.readInt() }
        #expect(value == expected)
    }

    static let skipped: [(String, Bool)] = [
        (#"{"a":[1,-2.5e+3,0.1,true,false,null,{"b":"c"},[]],"k":1}"#, true),
        (#"{"a":01,"k":1}"#, false),
        (#"{"a":1.,"k":1}"#, false),
        (#"{"a":tru,"k":1}"#, false),
        (#"{"a":[1,],"k":1}"#, false),
    ]

    @Test("unknown members are skipped only when they are well-formed JSON", arguments: skipped)
    func skip(_ text: String, _ accepted: Bool) {
        let value = WireJSONReader.read(Data(text.utf8)) { reader throws(WireJSONReader.Miss) -> Int? in
            var k: Int?
            try reader.readObject { reader, key throws(WireJSONReader.Miss) in
                if key == "k" { k = try reader.readInt() } else { try reader.skipValue() }
            }
            return k
        }
        #expect(value == (accepted ? 1 : nil))
    }

    @Test("optional members read null as absent; enumerations read their raw values")
    func optionals() {
        let text = #"{"a":null,"b":"ALL_OLD","c":null,"d":true}"#
        let value = WireJSONReader.read(Data(text.utf8)) {
            reader throws(WireJSONReader.Miss) -> [String] in
            var seen: [String] = []
            try reader.readObject { reader, key throws(WireJSONReader.Miss) in
                switch key {
                case "a": seen.append("a=\(String(describing: try reader.readOptionalString()))")
                case "b": seen.append("b=\(String(describing: try reader.readOptionalEnum(ReturnValue.self)))")
                case "c": seen.append("c=\(String(describing: try reader.readOptionalItem()))")
                default: seen.append("d=\(String(describing: try reader.readOptionalBool()))")
                }
            }
            return seen
        }
        #expect(value == ["a=nil", "b=Optional(DynamoDBTypes.ReturnValue.allOld)", "c=nil", "d=Optional(true)"])
        let unknown = WireJSONReader.read(Data(#""SOME""#.utf8)) { reader throws(WireJSONReader.Miss) in
            try reader.readEnum(ReturnValue.self)
        }
        #expect(unknown == nil)
    }
}
