import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ItemCodecTests {
    @Test("every attribute type survives encoding and decoding")
    func roundTrip() throws {
        let item: Item = [
            "s": .s("héllo 😀"), "empty": .s(""), "n": .n("-1.5E+3"), "b": .b(Data([0, 0xFF, 0x80])),
            "ss": .ss(["a", "b"]), "ns": .ns(["1", "2.5"]), "bs": .bs([Data([1]), Data()]),
            "m": .m(["inner": .l([.null, .bool(true), .bool(false), .m([:])])]), "l": .l([]),
            String(repeating: "k", count: 300): .s(String(repeating: "v", count: 70_000)),
        ]
        #expect(try ItemCodec.decode(ItemCodec.encode(item)) == item)
    }

    @Test("truncated or foreign bytes are rejected, not misread")
    func corrupt() throws {
        let encoded = ItemCodec.encode(["a": .s("value")])
        #expect(throws: ItemCodec.CodecError.self) { try ItemCodec.decode(encoded.dropLast()) }
        #expect(throws: ItemCodec.CodecError.self) { try ItemCodec.decode(Data("{\"a\":1}".utf8)) }
    }
}

struct StoredStreamRecordTests {
    @Test("stream records survive encoding, absent images included")
    func roundTrip() throws {
        let record = StoredStreamRecord(
            eventID: "0123456789abcdef0123456789abcdef", eventName: .modify,
            created: Date(timeIntervalSince1970: 1_679_328_538.25), keys: ["pk": .s("a")], newItem: nil,
            oldItem: ["pk": .s("a"), "v": .n("1")], viewType: .oldImage)
        #expect(try StoredStreamRecord(decoding: record.encoded()) == record)
        #expect(throws: ItemCodec.CodecError.self) { try StoredStreamRecord(decoding: record.encoded().dropLast()) }
    }
}
