import DynamoDBTypes
import EventFilters
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct FilterDocumentTests {
    static let namedRecords: [String: StreamRecord] = [
        "MSG# INSERT": Records.messageInsert, "GRP# REMOVE": Records.groupRemove, "MODIFY": Records.modify,
        "TTL REMOVE": Records.ttlRemove, "without ARN": Records.record(.insert, eventSourceARN: nil),
    ]

    @Test("a record becomes exactly the tree of its Lambda JSON", arguments: namedRecords.keys.sorted())
    func recordMatchesItsJSON(name: String) throws {
        let record = try #require(Self.namedRecords[name])
        let json = try OrderedJSONEncoder().encodeToString(record)
        #expect(FilterDocument(record: record) == (try document(json)))
    }

    @Test("the record tree has Lambda's keys and types")
    func recordShape() throws {
        let tree = FilterDocument(record: Records.ttlRemove)
        #expect(tree["eventName"] == .string("REMOVE"))
        #expect(tree["eventVersion"] == .string("1.1"))
        #expect(tree["eventSource"] == .string("aws:dynamodb"))
        #expect(tree["awsRegion"] == .string("ca-central-1"))
        #expect(tree["eventSourceARN"] == .string(Records.arn))
        #expect(
            tree["userIdentity"]
                == .object(["type": .string("Service"), "principalId": .string("dynamodb.amazonaws.com")]))
        let data = try #require(tree["dynamodb"])
        #expect(data["ApproximateCreationDateTime"] == .number(literal: "1679328538", value: 1_679_328_538))
        #expect(data["SequenceNumber"] == .string("118600000000036187345612"))
        #expect(data["SizeBytes"] == .integer(Records.ttlRemove.dynamodb.sizeBytes))
        #expect(data["StreamViewType"] == .string("NEW_AND_OLD_IMAGES"))
        #expect(data["NewImage"] == nil)
        let old = try #require(data["OldImage"])
        #expect(old["count"] == .object(["N": .string("12")]))
        #expect(old["blob"] == .object(["B": .string("Zm9vYmFy")]))
        #expect(old["gone"] == .object(["NULL": .bool(true)]))
        #expect(old["scores"] == .object(["NS": .array([.string("1"), .string("2.5")])]))
        #expect(FilterDocument(record: Records.messageInsert)["userIdentity"] == nil)
    }

    @Test(
        "JSON parsing keeps number literals and decodes escapes",
        arguments: [
            ("300.0", FilterDocument.number(literal: "300.0", value: 300)),
            ("-3.0e2", .number(literal: "-3.0e2", value: -300)),
            ("0", .number(literal: "0", value: 0)),
            (#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#, .string("a\"\\/\u{8}\u{C}\n\r\té😀")),
            (#""é😀""#, .string("é😀")),
            (
                " [ true , false , null , { } , [ ] ] ",
                .array([.bool(true), .bool(false), .null, .object([:]), .array([])])
            ),
            (#"{"a":{"b":[1]},"a2":"x"}"#, .object(["a": .object(["b": .array([.integer(1)])]), "a2": .string("x")])),
        ])
    func parsing(json: String, expected: FilterDocument) throws {
        #expect(try FilterDocument(parsingJSON: json) == expected)
    }

    @Test(
        "malformed JSON documents are rejected with the offset",
        arguments: [
            ("-", "Not valid JSON: a number needs digits at offset 1."),
            ("1.", #"Not valid JSON: a number needs digits after "." at offset 2."#),
            ("1e+", "Not valid JSON: a number needs digits in its exponent at offset 3."),
            (#""\ud83d""#, #"Not valid JSON: unpaired surrogate \ud83d at offset 7."#),
            (#""\u12g4""#, #"Not valid JSON: \u needs four hex digits at offset 5."#),
            ("\"a\nb\"", "Not valid JSON: control character in a string at offset 2."),
            (#""abc"#, "Not valid JSON: unterminated string at offset 4."),
            ("[1,]", #"Not valid JSON: unexpected "]" at offset 3."#),
            (String(repeating: "[", count: 600), "Not valid JSON: nesting deeper than 512 levels at offset 512."),
            (#"{"a": 1, "a": 2}"#, #"Not valid JSON: the field name "a" appears twice at offset 9."#),
            (#"{"a": nul}"#, #"Not valid JSON: unexpected "n" at offset 6."#),
        ])
    func malformed(json: String, detail: String) {
        #expect(
            errorMessage { _ = try FilterDocument(parsingJSON: json) } == "Invalid filter pattern definition. " + detail
        )
    }

    @Test("thousands of records are filtered quickly (one tree per record)")
    func throughput() throws {
        let criteria = try FilterCriteria(patterns: [
            #"{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}"#,
            #"{"dynamodb":{"NewImage":{"profile":{"M":{"age":{"N":[{"anything-but":"0"}]}}}}}}"#,
        ])
        let records = Array(repeating: [Records.messageInsert, Records.groupRemove, Records.modify], count: 1000)
            .flatMap { $0 }
        let clock = ContinuousClock()
        var passed = 0
        let elapsed = clock.measure {
            passed = records.filter(criteria.matches).count
        }
        #expect(passed == 2000)
        #expect(elapsed < .seconds(3), "3000 records took \(elapsed)")
    }
}
