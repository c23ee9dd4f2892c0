import DynamoDBClient
import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Author: Codable, Equatable {
    var handle: String
    var displayName: String
}

struct Message: Codable, Equatable {
    var pk: String
    var sk: String
    var text: String
    var views: Int
    var score: Double
    var pinned: Bool
    var attachment: Data
    var tags: [String]
    var author: Author
    var sentAt: Date
    var replyTo: String?
    var counts: [String: Int]
}

struct ItemCodingTests {
    let message = Message(
        pk: "MSG#g1", sk: "2026-11-25T13:45:07Z", text: "hello", views: 42, score: 1.5, pinned: true,
        attachment: Data([0, 1, 255]), tags: ["a", "b"], author: Author(handle: "andrewbrown", displayName: "Andrew"),
        sentAt: Date(timeIntervalSince1970: 1_795_614_307), replyTo: nil, counts: ["likes": 3])

    @Test("a Codable type maps to the attribute types DynamoDB stores; nil is left out")
    func encodes() throws {
        let item = try ItemEncoder().encode(message)
        #expect(
            item == [
                "pk": .s("MSG#g1"), "sk": .s("2026-11-25T13:45:07Z"), "text": .s("hello"), "views": .n("42"),
                "score": .n("1.5"), "pinned": .bool(true), "attachment": .b(Data([0, 1, 255])),
                "tags": .l([.s("a"), .s("b")]),
                "author": .m(["handle": .s("andrewbrown"), "displayName": .s("Andrew")]),
                "sentAt": .s("2026-11-25T13:45:07Z"), "counts": .m(["likes": .n("3")]),
            ])
    }

    @Test("encoding then decoding gives the value back")
    func roundTrip() throws {
        var replying = message
        replying.replyTo = "MSG#g0"
        replying.sentAt = Date(timeIntervalSince1970: 1_795_614_307.25)
        for value in [message, replying] {
            let item = try ItemEncoder().encode(value)
            #expect(try ItemDecoder().decode(Message.self, from: item) == value)
        }
        #expect(try ItemEncoder().encode(replying)["sentAt"] == .s("2026-11-25T13:45:07.250Z"))
    }

    @Test("string, number and binary sets decode as arrays; NULL decodes as nil; whole numbers fit integers")
    func decodesSetsAndNull() throws {
        struct Tagged: Decodable, Equatable {
            var tags: [String]
            var scores: Set<Int>
            var blobs: [Data]
            var note: String?
            var big: Int64
        }
        let item: Item = [
            "tags": .ss(["x", "y"]), "scores": .ns(["1", "2"]), "blobs": .bs([Data([7])]), "note": .null,
            "big": .n("1E+3"),
        ]
        #expect(
            try ItemDecoder().decode(Tagged.self, from: item)
                == Tagged(tags: ["x", "y"], scores: [1, 2], blobs: [Data([7])], note: nil, big: 1000))
    }

    @Test(
        "decoding failures name the attribute path and what was found",
        arguments: [
            (["handle": .n("1"), "displayName": .s("x")], #""handle": expected S, found N"#),
            (["displayName": .s("x")], #""handle": the attribute is missing"#),
        ] as [(Item, String)])
    func decodingErrors(item: Item, message: String) {
        #expect(throws: ItemCodingError(message)) {
            try ItemDecoder().decode(Author.self, from: item)
        }
    }

    @Test("a nested path is rendered with indexes")
    func nestedPath() {
        struct Thread: Decodable { var messages: [Author] }
        let item: Item = [
            "messages": .l([.m(["handle": .s("a"), "displayName": .s("A")]), .m(["handle": .bool(true)])])
        ]
        #expect(throws: ItemCodingError(#""messages[1].handle": expected S, found BOOL"#)) {
            try ItemDecoder().decode(Thread.self, from: item)
        }
    }

    @Test("a number that does not fit is an error naming the value")
    func numberOverflow() {
        struct Small: Decodable { var n: UInt8 }
        #expect(throws: ItemCodingError(#""n": "300" does not fit in UInt8"#)) {
            try ItemDecoder().decode(Small.self, from: ["n": .n("300")])
        }
    }

    @Test("NaN cannot be stored; a top-level non-object is not an item")
    func encodingErrors() throws {
        struct Bad: Encodable { var x: Double }
        #expect(throws: ItemCodingError(#""x": nan is not a number DynamoDB can store"#)) {
            try ItemEncoder().encode(Bad(x: .nan))
        }
        #expect(throws: ItemCodingError.self) { try ItemEncoder().encode("just a string") }
        #expect(try ItemEncoder().encodeValue([1, 2]) == .l([.n("1"), .n("2")]))
    }
}
