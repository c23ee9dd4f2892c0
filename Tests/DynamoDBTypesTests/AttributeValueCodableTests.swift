import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct AttributeValueCodableTests {
    static let cases: [(AttributeValue, String)] = [
        (.s("hello \"world\"/é"), #"{"S":"hello \"world\"/é"}"#),
        (.s(""), #"{"S":""}"#),
        (.n("-1.5"), #"{"N":"-1.5"}"#),
        (.b(Data("foobar".utf8)), #"{"B":"Zm9vYmFy"}"#),
        (.b(Data()), #"{"B":""}"#),
        (.ss(["a", "b"]), #"{"SS":["a","b"]}"#),
        (.ns(["1", "2.5"]), #"{"NS":["1","2.5"]}"#),
        (.bs([Data([0, 1, 42, 65]), Data([65, 42, 1, 0])]), #"{"BS":["AAEqQQ==","QSoBAA=="]}"#),
        (
            .m(["z": .null, "a": .bool(true), "m": .m(["y": .n("1"), "b": .s("x")])]),
            #"{"M":{"a":{"BOOL":true},"m":{"M":{"b":{"S":"x"},"y":{"N":"1"}}},"z":{"NULL":true}}}"#
        ),
        (.m([:]), #"{"M":{}}"#),
        (.l([.s("a"), .n("1"), .l([]), .bool(false)]), #"{"L":[{"S":"a"},{"N":"1"},{"L":[]},{"BOOL":false}]}"#),
        (.null, #"{"NULL":true}"#),
        (.bool(false), #"{"BOOL":false}"#),
    ]

    @Test("every type encodes to DynamoDB JSON (maps sorted by name) and decodes back", arguments: cases)
    func roundTrip(value: AttributeValue, json: String) throws {
        #expect(try orderedJSON(value) == json)
        #expect(try decode(AttributeValue.self, json) == value)
        let viaFoundation = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(AttributeValue.self, from: viaFoundation) == value)
    }

    @Test(
        "malformed attribute values are rejected with a message naming the problem",
        arguments: [
            (
                "{}",
                "Supplied AttributeValue has no datatype; expected exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL"
            ),
            (
                #"{"S":"a","N":"1"}"#,
                "Supplied AttributeValue has more than one datatype (N, S); expected exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL"
            ),
            (#"{"X":"a"}"#, "Unknown AttributeValue type \"X\"; expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL"),
            (#"{"NULL":false}"#, "Null attribute value types must have the value of true"),
            (#"{"B":"not base64!"}"#, "Invalid base64 in B value"),
            (#"{"BS":["AAEqQQ==","%%"]}"#, "Invalid base64 in BS value"),
        ])
    func rejects(json: String, message: String) {
        do {
            _ = try decode(AttributeValue.self, json)
            Issue.record("decoded \(json)")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("an item decodes from DynamoDB JSON")
    func item() throws {
        let item = try decode(Item.self, #"{"Id":{"N":"101"},"Message":{"S":"New item!"}}"#)
        #expect(item == Samples.inserted)
    }
}
