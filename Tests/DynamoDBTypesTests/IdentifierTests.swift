import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct SequenceNumberTests {
    @Test(
        "sequence numbers compare as big integers, not as text",
        arguments: [
            ("800000000003126276362", "1100000000000136137170"),
            ("1100000000000136137170", "4421584500000000017450439091"),
            ("118600000000036187345612", "118700000000036187345790"),
            ("99", "100"), ("0999", "1000"), ("111", "112"),
        ])
    func ordering(smaller: String, larger: String) throws {
        let a = try SequenceNumber(smaller)
        let b = try SequenceNumber(larger)
        #expect(a < b)
        #expect(!(b < a))
        #expect(a != b)
    }

    @Test("equal values with different leading zeros are equal and keep their text")
    func leadingZeros() throws {
        let a = try SequenceNumber("0111")
        let b = try SequenceNumber("111")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.description == "0111")
    }

    @Test("made numbers are at least 21 digits and follow the counter, then the shard")
    func made() {
        #expect(SequenceNumber(shard: 1, counter: 0).description == "100000000000000000000")
        #expect(SequenceNumber(shard: 1, counter: 42).description == "100000000000000000042")
        #expect(SequenceNumber(shard: 12, counter: UInt64.max).description == "1218446744073709551615")
        #expect(SequenceNumber(shard: 1, counter: 9) < SequenceNumber(shard: 1, counter: 10))
        #expect(SequenceNumber(shard: 1, counter: UInt64.max) < SequenceNumber(shard: 2, counter: 0))
        #expect(SequenceNumber(shard: 9, counter: UInt64.max) < SequenceNumber(shard: 10, counter: 0))
    }

    @Test("invalid text is rejected by name", arguments: ["", "12a", "-1", " 1", String(repeating: "1", count: 41)])
    func invalid(text: String) {
        #expect(throws: SequenceNumberError(text: text)) { try SequenceNumber(text) }
        #expect(
            SequenceNumberError(text: text).description
                == "Invalid SequenceNumber \"\(text)\": expected 1 to 40 decimal digits")
    }
}

struct ShardIDTests {
    @Test("shard ids are shardId- + 20 digits of epoch milliseconds + - + 8 hex")
    func format() throws {
        let id = ShardID(createdAt: Date(timeIntervalSince1970: 1_573_689_847.184), suffix: 0x8647_58bb)
        #expect(id.description == "shardId-00000001573689847184-864758bb")
        #expect(
            ShardID(createdAt: Date(timeIntervalSince1970: 0), suffix: 1).description
                == "shardId-00000000000000000000-00000001")
        #expect(try ShardID("shardId-00000001573689847184-864758bb") == id)
    }

    @Test(
        "malformed shard ids are rejected",
        arguments: [
            "shardId-0000000157368984718-864758bb", "shard-00000001573689847184-864758bb",
            "shardId-00000001573689847184-864758bB", "shardId-00000001573689847184_864758bb", "",
        ])
    func invalid(text: String) {
        #expect(throws: ShardIDError(text: text)) { try ShardID(text) }
    }
}

struct ARNTests {
    @Test("stream labels are UTC with milliseconds and no zone")
    func labels() {
        #expect(StreamARN.label(for: Date(timeIntervalSince1970: 1_435_366_085.899)) == "2015-06-27T00:48:05.899")
        #expect(StreamARN.label(for: Date(timeIntervalSince1970: 1_435_366_085)) == "2015-06-27T00:48:05.000")
        #expect(StreamARN.label(for: Date(timeIntervalSince1970: 1_679_327_212.3459)) == "2023-03-20T15:46:52.345")
        #expect(StreamARN.label(for: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500")
        #expect(StreamARN.date(fromLabel: "2015-06-27T00:48:05.899") == Date(timeIntervalSince1970: 1_435_366_085.899))
    }

    @Test("stream ARNs format and parse")
    func streamARN() throws {
        let table = TableARN(region: "us-east-1", account: "123456789012", tableName: "ExampleTableWithStream")
        let arn = StreamARN(table: table, createdAt: Date(timeIntervalSince1970: 1_435_366_085.899))
        let text = "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899"
        #expect(arn.description == text)
        let parsed = try StreamARN(parsing: text)
        #expect(parsed == arn)
        #expect(parsed.region == "us-east-1")
        #expect(parsed.account == "123456789012")
        #expect(parsed.tableName == "ExampleTableWithStream")
        #expect(parsed.label == "2015-06-27T00:48:05.899")
        #expect(parsed.partition == "aws")
        #expect(table.description == "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream")
        #expect(try TableARN(parsing: table.description) == table)
        let china = try TableARN(parsing: "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t.1-x_y")
        #expect(china.partition == "aws-cn")
        #expect(china.tableName == "t.1-x_y")
    }

    @Test(
        "malformed stream ARNs name the text and the problem",
        arguments: [
            (
                "arn:aws:dynamodb:us-east-1:123456789012:table/T",
                "expected resource \"table/<TableName>/stream/<label>\", found \"table/T\""
            ),
            (
                "arn:aws:sqs:us-east-1:123456789012:table/T/stream/2015-06-27T00:48:05.899",
                "expected service \"dynamodb\", found \"sqs\""
            ),
            (
                "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2015-06-27T00:48:05",
                "expected a stream label like \"2015-06-27T00:48:05.899\", found \"2015-06-27T00:48:05\""
            ),
            (
                "arn:aws:dynamodb:us-east-1:123456789012:table//stream/2015-06-27T00:48:05.899",
                "the table name is empty"
            ),
            ("arn:aws:dynamodb::123456789012:table/T/stream/2015-06-27T00:48:05.899", "the region is empty"),
            ("table/T", "expected \"arn:<partition>:dynamodb:<region>:<account>:<resource>\""),
        ])
    func invalidStreamARN(text: String, problem: String) {
        #expect(throws: ARNError(text: text, problem: problem)) { try StreamARN(parsing: text) }
        #expect(ARNError(text: text, problem: problem).description == "Invalid DynamoDB ARN \"\(text)\": \(problem)")
    }

    @Test("a stream ARN is not a table ARN")
    func tableARNRejectsStream() {
        let text = "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2015-06-27T00:48:05.899"
        #expect(
            throws: ARNError(
                text: text,
                problem: "expected resource \"table/<TableName>\", found \"table/T/stream/2015-06-27T00:48:05.899\"")
        ) {
            try TableARN(parsing: text)
        }
    }
}
