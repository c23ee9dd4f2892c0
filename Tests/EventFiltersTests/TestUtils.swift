import DynamoDBTypes
import EventFilters

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Stream records shaped like the ones AWS recorded (streams-and-triggers.md §1.2 and §3.5).
enum Records {
    static let arn =
        "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T15:40:12.345"
    static let created = Date(timeIntervalSince1970: 1_679_328_538)

    static let messageKeys: Item = [
        "pk": .s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"), "sk": .s("2023-03-20T16:08:58.321345"),
    ]
    static let groupKeys: Item = [
        "pk": .s("GRP#90b6d1c2-4c57-4b1e-8f0a-3a3bb6c2e7d4"), "sk": .s("2023-03-20T16:01:02.000001+00:00"),
    ]
    static let messageItem: Item = messageKeys.merging([
        "message": .s("Hello!"), "message_uuid": .s("c0a3c2b4-7d1e-4d0f-9a57-2f5e0e3c1b11"),
        "user_handle": .s("andrewbrown"), "count": .n("12"), "flag": .bool(true), "gone": .null,
        "blob": .b(Data("foobar".utf8)), "tags": .ss(["a", "b"]), "scores": .ns(["1", "2.5"]),
        "blobs": .bs([Data([0, 1])]), "profile": .m(["age": .n("42"), "name": .s("Andrew")]),
        "list": .l([.s("x"), .n("7"), .m(["k": .s("v")])]),
    ]) { current, _ in current }

    /// A record of `eventName` under NEW_IMAGE (REMOVE carries keys only), or NEW_AND_OLD_IMAGES when asked.
    static func record(
        _ eventName: StreamEventName, keys: Item = messageKeys, newItem: Item? = messageItem, oldItem: Item? = nil,
        viewType: StreamViewType = .newImage, userIdentity: UserIdentity? = nil, eventSourceARN: String? = arn
    ) -> StreamRecord {
        StreamRecord(
            eventID: "7b1e4c0f9d2a4e6c8a3b5d7f9e1c2a4b", eventName: eventName, awsRegion: "ca-central-1",
            userIdentity: userIdentity,
            dynamodb: StreamRecordData(
                eventName: eventName, viewType: viewType, keys: keys, newItem: newItem, oldItem: oldItem,
                sequenceNumber: "118600000000036187345612", approximateCreationDateTime: created),
            eventSourceARN: eventSourceARN)
    }

    static let messageInsert = record(.insert)
    static let groupRemove = record(.remove, keys: groupKeys, newItem: nil)
    static let groupInsert = record(
        .insert, keys: groupKeys, newItem: groupKeys.merging(["message": .s("Hi")]) { a, _ in a })
    static let modify = record(
        .modify, newItem: messageItem, oldItem: messageKeys.merging(["message": .s("Old")]) { a, _ in a },
        viewType: .newAndOldImages)
    static let ttlRemove = record(
        .remove, newItem: nil, oldItem: messageItem, viewType: .newAndOldImages, userIdentity: .timeToLive)
}

/// Parses a JSON document for matching, failing the test on bad JSON.
func document(_ json: String) throws -> FilterDocument {
    try FilterDocument(parsingJSON: json)
}

/// The description of the ``FilterPatternError`` thrown by `body`, or nil when it does not throw.
func errorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as FilterPatternError {
        return error.description
    } catch {
        return "not a FilterPatternError: \(error)"
    }
}
