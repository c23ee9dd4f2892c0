import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The direct byte writer of stream records must write exactly what the ordered encoder writes.
struct StreamRecordJSONBytesTests {
    static let everyType: Item = [
        "pk": .s("MSG#5ae290ed"), "n": .n("-12.5e3"), "b": .b(Data([0, 1, 2, 250])), "ss": .ss(["a", "b"]),
        "ns": .ns(["1", "2.5"]), "bs": .bs([Data("x".utf8)]), "m": .m(["inner": .l([.null, .bool(true)])]),
        "text": .s("héllo \"quoted\" \\ / line\nbreak \u{01} 😀"), "flag": .bool(false), "nothing": .null,
    ]

    static let records: [StreamRecord] = [
        StreamRecord(
            eventID: "7b1e4c0f9d2a4e6c8a3b5d7f9e1c2a4b", eventName: .insert, awsRegion: "ca-central-1",
            dynamodb: StreamRecordData(
                eventName: .insert, viewType: .newAndOldImages, keys: ["pk": .s("MSG#5ae290ed")], newItem: everyType,
                oldItem: nil, sequenceNumber: "118600000000036187345612",
                approximateCreationDateTime: Date(timeIntervalSince1970: 1_679_328_538.9)),
            eventSourceARN: "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T15:40:12.345"),
        StreamRecord(
            eventID: "00000000000000000000000000000001", eventName: .modify, awsRegion: "us-east-1",
            dynamodb: StreamRecordData(
                eventName: .modify, viewType: .newAndOldImages, keys: ["pk": .s("a"), "sk": .n("7")],
                newItem: ["pk": .s("a"), "sk": .n("7"), "v": .n("2")], oldItem: ["pk": .s("a"), "sk": .n("7"), "v": .n("1")],
                sequenceNumber: "100000000000000000002", approximateCreationDateTime: Date(timeIntervalSince1970: 5)),
            eventSourceARN: nil),
        StreamRecord(
            eventID: "00000000000000000000000000000002", eventName: .remove, awsRegion: "eu-west-1",
            userIdentity: .timeToLive,
            dynamodb: StreamRecordData(
                approximateCreationDateTime: nil, keys: ["id": .b(Data([9]))], newImage: nil, oldImage: nil,
                sequenceNumber: "3", sizeBytes: 3, streamViewType: .keysOnly),
            eventSourceARN: "arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2024-01-01T00:00:00.000"),
    ]

    @Test("jsonBytes matches OrderedJSONEncoder for every value type, user identity, old images and escapes",
          arguments: 0..<3)
    func matchesEncoder(index: Int) throws {
        let record = Self.records[index]
        let expected = try OrderedJSONEncoder().encodeToString(record)
        #expect(String(decoding: record.jsonBytes(), as: UTF8.self) == expected)
    }
}
