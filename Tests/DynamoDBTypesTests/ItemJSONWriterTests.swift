import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ItemJSONWriterTests {
    /// What the HTTP edge wrote before ItemJSONWriter, with keys sorted so the text is deterministic.
    static func encoderJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let values: [AttributeValue] = [
        .s("hello \"world\"/é"), .s(""), .s("tab\tnew\nline\rback\\slash\u{08}\u{0C}"),
        .s("controls \u{01}\u{1F} del \u{7F} sep \u{2028} emoji 😀 combining e\u{301}"),
        .n("-1.5"), .n("1E+10"), .n("0.000001"),
        .b(Data("foobar".utf8)), .b(Data()), .b(Data([0xFB, 0xFF, 0xBF])),
        .ss(["a", "b/c"]), .ns(["1", "2.5"]), .bs([Data([0, 1, 42, 65]), Data([65, 42, 1, 0])]), .ss([]),
        .m(["z": .null, "a": .bool(true), "m": .m(["y": .n("1"), "b": .s("x")])]), .m([:]),
        .m(["B": .s("upper"), "a": .s("lower"), "a10": .n("10"), "a9": .n("9"), "_": .null, "é": .s("e")]),
        .l([.s("a"), .n("1"), .l([]), .bool(false), .m(["k": .l([.null])])]), .l([]),
        .null, .bool(false), .bool(true),
    ]

    @Test("an attribute value is written byte for byte as JSONEncoder with sorted keys writes it", arguments: values)
    func value(_ value: AttributeValue) throws {
        var writer = ItemJSONWriter()
        writer.append(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (try Self.encoderJSON(value)))
    }

    static let items: [Item] = [
        [:],
        ["pk": .s("MSG#5ae290ed"), "sk": .s("2026-01-01T00:00:00.000001+00:00")],
        [
            "pk": .s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"), "sk": .s("2026-03-04T05:06:07.123456+00:00"),
            "message_uuid": .s("00000000-0000-4000-8000-000000000001"),
            "message": .s("Hello, \"Andrew\"!\nSee https://example.com/a/b?c=d&e=f"),
            "user_uuid": .s("90bd8f66-4ea2-4f8a-9d86-8c6b9e0a6b01"), "user_display_name": .s("Andrew Brown"),
            "user_handle": .s("andrewbrown"), "likes": .n("12"), "tags": .ss(["a", "b"]),
            "meta": .m(["Z": .bool(true), "nested": .l([.n("1"), .s("two"), .null])]),
        ],
        Dictionary(uniqueKeysWithValues: (0..<40).map { ("attr\($0)", AttributeValue.n("\($0 * 7)")) }),
    ]

    @Test("items are written with names sorted, byte for byte as JSONEncoder with sorted keys", arguments: items)
    func item(_ item: Item) throws {
        var writer = ItemJSONWriter()
        writer.append(item: item)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (try Self.encoderJSON(item)))
    }

    @Test("an array of items matches JSONEncoder; an empty one is []")
    func itemArray() throws {
        var writer = ItemJSONWriter()
        writer.append(items: Self.items)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (try Self.encoderJSON(Self.items)))
        var empty = ItemJSONWriter()
        empty.append(items: [])
        #expect(String(decoding: empty.bytes, as: UTF8.self) == "[]")
    }

    @Test("keys, integers and raw text build an object", arguments: [0, 7, 10, 20, 12345, -3, Int.max])
    func object(_ number: Int) {
        var writer = ItemJSONWriter()
        writer.appendRaw("{")
        writer.appendKey("Count")
        writer.append(integer: number)
        writer.appendRaw(",")
        writer.appendKey("Raw")
        writer.appendRaw(bytes: Array(#"{"a":1}"#.utf8))
        writer.appendRaw("}")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"Count":\#(number),"Raw":{"a":1}}"#)
    }

    @Test("a string bridged from a substring or built from characters is escaped like a native one")
    func nonNativeStrings() throws {
        let source = "prefix \"quoted\"\u{01} suffix"
        let substring = String(source.dropFirst(7))
        var writer = ItemJSONWriter()
        writer.append(string: substring)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""\"quoted\"\u0001 suffix""#)
    }
}
