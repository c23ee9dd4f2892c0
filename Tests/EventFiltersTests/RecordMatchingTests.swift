import DynamoDBTypes
import EventFilters
import Testing

/// Patterns against stream records, with the cases AWS recorded (streams-and-triggers.md §3.5).
struct RecordMatchingTests {
    static let cruddur = #"{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}"#
    static let ttl = #"{"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}"#

    /// One row: a name shown in test output, a pattern, a record and whether it should match.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let pattern: String
        let record: StreamRecord
        let expected: Bool
        var testDescription: String { "\(name): \(pattern) → \(expected)" }

        init(_ name: String, _ pattern: String, _ record: StreamRecord, _ expected: Bool) {
            (self.name, self.pattern, self.record, self.expected) = (name, pattern, record, expected)
        }
    }

    static let cases: [Case] = [
        // The type key must be spelled out [AWS-rec].
        Case(
            "typed S matches", #"{"dynamodb":{"NewImage":{"message":{"S":["Hello!"]}}}}"#, Records.messageInsert, true),
        Case(
            "untyped value does not", #"{"dynamodb":{"NewImage":{"message":["Hello!"]}}}"#, Records.messageInsert, false
        ),
        // exists:false on an attribute whose leaf is message.S matches even though it is present [AWS-rec].
        Case(
            "exists:false on a typed attribute", #"{"dynamodb":{"NewImage":{"message":[{"exists":false}]}}}"#,
            Records.messageInsert, true),
        Case(
            "exists:false on its S", #"{"dynamodb":{"NewImage":{"message":{"S":[{"exists":false}]}}}}"#,
            Records.messageInsert, false),
        Case(
            "exists:true on its S", #"{"dynamodb":{"NewImage":{"message":{"S":[{"exists":true}]}}}}"#,
            Records.messageInsert, true),
        Case(
            "exists:false on a missing image", #"{"dynamodb":{"OldImage":{"pk":{"S":[{"exists":false}]}}}}"#,
            Records.messageInsert, true),
        // numeric never matches N (a string) [AWS-rec] ...
        Case(
            "numeric on N", #"{"dynamodb":{"NewImage":{"count":{"N":[{"numeric":[">",0]}]}}}}"#,
            Records.messageInsert, false),
        Case("N as a string", #"{"dynamodb":{"NewImage":{"count":{"N":["12"]}}}}"#, Records.messageInsert, true),
        Case("N as a number", #"{"dynamodb":{"NewImage":{"count":{"N":[12]}}}}"#, Records.messageInsert, false),
        // ... but matches ApproximateCreationDateTime, a JSON number [AWS-rec].
        Case(
            "numeric on ApproximateCreationDateTime",
            #"{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">=",1679328538]}]}}"#, Records.messageInsert,
            true),
        Case(
            "numeric above ApproximateCreationDateTime",
            #"{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">",1679328538]}]}}"#, Records.messageInsert,
            false),
        Case("numeric on SizeBytes", #"{"dynamodb":{"SizeBytes":[{"numeric":[">",0]}]}}"#, Records.messageInsert, true),
        Case(
            "SequenceNumber is a string", #"{"dynamodb":{"SequenceNumber":[{"prefix":"1186"}]}}"#,
            Records.messageInsert, true),
        // Top-level metadata is filterable [AWS-rec].
        Case(
            "eventName and eventSource on INSERT", #"{"eventName":["INSERT"],"eventSource":["aws:dynamodb"]}"#,
            Records.messageInsert, true),
        Case(
            "eventName and eventSource on REMOVE", #"{"eventName":["INSERT"],"eventSource":["aws:dynamodb"]}"#,
            Records.groupRemove, false),
        Case(
            "eventSourceARN prefix", #"{"eventSourceARN":[{"prefix":"arn:aws:dynamodb:ca-central-1:"}]}"#,
            Records.messageInsert, true),
        Case("awsRegion", #"{"awsRegion":[{"anything-but":"us-east-1"}]}"#, Records.messageInsert, true),
        // TTL deletions carry userIdentity; ordinary writes have no such key (D-ttl).
        Case("TTL pattern on a TTL delete", ttl, Records.ttlRemove, true),
        Case("TTL pattern on a user delete", ttl, Records.groupRemove, false),
        Case("userIdentity absent on writes", #"{"userIdentity":[{"exists":false}]}"#, Records.messageInsert, true),
        Case("userIdentity.type absent", #"{"userIdentity":{"type":[{"exists":false}]}}"#, Records.messageInsert, true),
        // Cruddur: only INSERTs of MSG# keys reach the function.
        Case("Cruddur on a MSG# INSERT", cruddur, Records.messageInsert, true),
        Case("Cruddur on a GRP# INSERT", cruddur, Records.groupInsert, false),
        Case("Cruddur on a GRP# REMOVE", cruddur, Records.groupRemove, false),
        Case("Cruddur on a MSG# MODIFY", cruddur, Records.modify, false),
        // Every AttributeValue type as DynamoDB JSON.
        Case("BOOL", #"{"dynamodb":{"NewImage":{"flag":{"BOOL":[true]}}}}"#, Records.messageInsert, true),
        Case("NULL", #"{"dynamodb":{"NewImage":{"gone":{"NULL":[true]}}}}"#, Records.messageInsert, true),
        Case("B is base64", #"{"dynamodb":{"NewImage":{"blob":{"B":["Zm9vYmFy"]}}}}"#, Records.messageInsert, true),
        Case("SS element", #"{"dynamodb":{"NewImage":{"tags":{"SS":["b"]}}}}"#, Records.messageInsert, true),
        Case(
            "NS element is a string", #"{"dynamodb":{"NewImage":{"scores":{"NS":["2.5"]}}}}"#, Records.messageInsert,
            true),
        Case("BS element", #"{"dynamodb":{"NewImage":{"blobs":{"BS":["AAE="]}}}}"#, Records.messageInsert, true),
        Case(
            "M descends", #"{"dynamodb":{"NewImage":{"profile":{"M":{"name":{"S":["Andrew"]}}}}}}"#,
            Records.messageInsert, true),
        Case("L elements", #"{"dynamodb":{"NewImage":{"list":{"L":{"N":["7"]}}}}}"#, Records.messageInsert, true),
        Case(
            "L element maps", #"{"dynamodb":{"NewImage":{"list":{"L":{"M":{"k":{"S":["v"]}}}}}}}"#,
            Records.messageInsert, true),
        // Images by view type: MODIFY under NEW_AND_OLD_IMAGES carries both.
        Case(
            "OldImage on MODIFY",
            #"{"dynamodb":{"OldImage":{"message":{"S":["Old"]}},"NewImage":{"message":{"S":["Hello!"]}}}}"#,
            Records.modify, true),
        Case("StreamViewType", #"{"dynamodb":{"StreamViewType":["NEW_AND_OLD_IMAGES"]}}"#, Records.modify, true),
    ]

    @Test("patterns match records as Lambda delivers them", arguments: cases)
    func recordMatching(_ row: Case) throws {
        #expect(try FilterPattern(parsing: row.pattern).matches(row.record) == row.expected)
    }

    @Test("the Cruddur criteria keep only MSG# INSERTs out of the handler's own writes")
    func cruddurCriteria() throws {
        let criteria = try FilterCriteria(patterns: [Self.cruddur])
        let records = [Records.messageInsert, Records.groupRemove, Records.groupInsert, Records.modify]
        #expect(records.map(criteria.matches) == [true, false, false, false])
    }
}
