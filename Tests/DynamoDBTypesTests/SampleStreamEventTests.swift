import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct SampleStreamEventTests {
    static let arn =
        "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-04-09T00:00:00.750"
    static let inserted = #"{"Id":{"N":"101"},"Message":{"S":"New item!"}}"#
    static let changed = #"{"Id":{"N":"101"},"Message":{"S":"This item has changed"}}"#

    static func record(
        _ id: String, _ name: String, new: String?, old: String?, sequence: String, size: Int,
        view: String = "NEW_AND_OLD_IMAGES"
    ) -> String {
        let images = (new.map { #","NewImage":"# + $0 } ?? "") + (old.map { #","OldImage":"# + $0 } ?? "")
        return #"{"eventID":""# + id + #"","eventName":""# + name
            + #"","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1428537600,"Keys":{"Id":{"N":"101"}}"#
            + images + #","SequenceNumber":""# + sequence + #"","SizeBytes":"# + String(size)
            + #","StreamViewType":""# + view + #""},"eventSourceARN":""# + arn + #""}"#
    }

    static func make(_ kind: SampleStreamEvent.Kind, _ options: SampleStreamEvent.Options = .init())
        -> DynamoDBStreamEvent
    {
        var generator = CountingGenerator()
        return SampleStreamEvent.make(
            kind: kind, options: options, generator: &generator, now: Date(timeIntervalSince1970: 1_428_537_600.75))
    }

    @Test("the batch sample is SAM's three records in AWS's real formats")
    func batch() throws {
        let expected =
            #"{"Records":["#
            + Self.record(
                "11111111111111112222222222222222", "INSERT", new: Self.inserted, old: nil,
                sequence: "100000142853760000001", size: 26) + ","
            + Self.record(
                "33333333333333334444444444444444", "MODIFY", new: Self.changed, old: Self.inserted,
                sequence: "100000142853760000002", size: 59) + ","
            + Self.record(
                "55555555555555556666666666666666", "REMOVE", new: nil, old: Self.changed,
                sequence: "100000142853760000003", size: 38) + "]}"
        let actual = try orderedJSON(Self.make(.batch))
        #expect(actual == expected)
    }

    @Test("single-record samples", arguments: SampleStreamEvent.Kind.allCases.filter { $0 != .batch })
    func single(kind: SampleStreamEvent.Kind) throws {
        let id = "11111111111111112222222222222222"
        let sequence = "100000142853760000001"
        let expected =
            switch kind {
            case .insert: Self.record(id, "INSERT", new: Self.inserted, old: nil, sequence: sequence, size: 26)
            case .modify: Self.record(id, "MODIFY", new: Self.changed, old: Self.inserted, sequence: sequence, size: 59)
            case .remove, .batch: Self.record(id, "REMOVE", new: nil, old: Self.changed, sequence: sequence, size: 38)
            }
        let actual = try orderedJSON(Self.make(kind))
        #expect(actual == #"{"Records":["# + expected + "]}")
    }

    @Test("options change table, region, account, partition, label, view type and images")
    func options() throws {
        var options = SampleStreamEvent.Options()
        options.tableName = "cruddur-messages"
        options.region = "ca-central-1"
        options.account = "111111111111"
        options.partition = "aws-cn"
        options.streamLabel = "2023-03-20T15:40:12.345"
        options.viewType = .newImage
        options.keys = ["pk": .s("MSG#1")]
        options.newImage = ["pk": .s("MSG#1"), "message": .s("Hi")]
        options.creationTime = Date(timeIntervalSince1970: 1_679_328_538.9)
        let event = Self.make(.batch, options)
        #expect(event.records.map(\.eventName) == [.insert, .modify, .remove])
        #expect(event.records.allSatisfy { $0.awsRegion == "ca-central-1" })
        #expect(
            event.records.allSatisfy {
                $0.eventSourceARN
                    == "arn:aws-cn:dynamodb:ca-central-1:111111111111:table/cruddur-messages/stream/2023-03-20T15:40:12.345"
            })
        let data = event.records.map(\.dynamodb)
        #expect(
            data.map(\.approximateCreationDateTime)
                == Array(repeating: Date(timeIntervalSince1970: 1_679_328_538), count: 3))
        #expect(data.map(\.streamViewType) == [.newImage, .newImage, .newImage])
        #expect(data[0].newImage == SampleStreamEvent.insertedItem)
        #expect(data[1].newImage == options.newImage)
        #expect(data.allSatisfy { $0.oldImage == nil })
        #expect(data[2].newImage == nil)
        #expect(data.map(\.sizeBytes) == [7 + 21, 7 + 16, 7])
        let sequence = try data.map { try SequenceNumber($0.sequenceNumber) }
        #expect(sequence == sequence.sorted())
        #expect(Set(event.records.map(\.eventID)).count == 3)
    }

    @Test("the system-random sample has 32-hex event ids and ≥21-digit sequence numbers")
    func systemRandom() throws {
        let event = SampleStreamEvent.make(kind: .batch)
        for record in event.records {
            #expect(record.eventID.count == 32)
            #expect(record.eventID.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(record.dynamodb.sequenceNumber.count >= 21)
            let arn = try StreamARN(parsing: try #require(record.eventSourceARN))
            #expect(arn.tableName == "ExampleTableWithStream")
        }
    }
}
