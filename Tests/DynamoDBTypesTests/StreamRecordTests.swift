import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct StreamRecordTests {
    static let cruddurARN =
        "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T15:40:12.345"

    static func removeRecord(arn: String?, identity: UserIdentity? = nil) -> StreamRecord {
        let keys: Item = [
            "pk": .s("GRP#90b6d1c2-4c57-4b1e-8f0a-3a3bb6c2e7d4"), "sk": .s("2023-03-20T16:01:02.000001+00:00"),
        ]
        return StreamRecord(
            eventID: "7b1e4c0f9d2a4e6c8a3b5d7f9e1c2a4b", eventName: .remove, awsRegion: "ca-central-1",
            userIdentity: identity,
            dynamodb: StreamRecordData(
                eventName: .remove, viewType: .newImage, keys: keys, newItem: nil, oldItem: keys,
                sequenceNumber: "118700000000036187345790",
                approximateCreationDateTime: Date(timeIntervalSince1970: 1_679_328_539.75)),
            eventSourceARN: arn)
    }

    @Test("a record encodes in AWS's field order with whole-second time and no absent fields")
    func exactRecord() throws {
        let expected =
            #"{"eventID":"7b1e4c0f9d2a4e6c8a3b5d7f9e1c2a4b","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"ca-central-1","dynamodb":{"ApproximateCreationDateTime":1679328539,"Keys":{"pk":{"S":"GRP#90b6d1c2-4c57-4b1e-8f0a-3a3bb6c2e7d4"},"sk":{"S":"2023-03-20T16:01:02.000001+00:00"}},"SequenceNumber":"118700000000036187345790","SizeBytes":76,"StreamViewType":"NEW_IMAGE"},"eventSourceARN":"arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T15:40:12.345"}"#
        #expect(try orderedJSON(Self.removeRecord(arn: Self.cruddurARN)) == expected)
    }

    @Test("the GetRecords form omits eventSourceARN; a TTL deletion carries userIdentity after awsRegion")
    func optionalFields() throws {
        let record = Self.removeRecord(arn: Self.cruddurARN, identity: .timeToLive).withoutEventSourceARN
        let text = try orderedJSON(record)
        #expect(!text.contains("eventSourceARN"))
        #expect(
            text.contains(
                #""awsRegion":"ca-central-1","userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},"dynamodb":{"#
            ))
        #expect(try decode(StreamRecord.self, text) == record)
    }

    @Test("a record survives a round trip through Foundation's encoder and decoder")
    func foundationRoundTrip() throws {
        let record = Self.removeRecord(arn: Self.cruddurARN)
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(StreamRecord.self, from: data) == record)
    }

    @Test("decoding accepts a fractional ApproximateCreationDateTime and SAM's sample shape")
    func decodesSamShape() throws {
        let json = #"""
            {"Records":[{"eventID":"c4ca4238a0b923820dcc509a6f75849b","eventName":"INSERT","eventVersion":"1.1",
            "eventSource":"aws:dynamodb","awsRegion":"us-east-1","dynamodb":{"Keys":{"Id":{"N":"101"}},
            "NewImage":{"Message":{"S":"New item!"},"Id":{"N":"101"}},"ApproximateCreationDateTime":1.578648338E9,
            "SequenceNumber":"4421584500000000017450439091","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},
            "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899"}]}
            """#
        let event = try decode(DynamoDBStreamEvent.self, json)
        let record = try #require(event.records.first)
        #expect(record.eventName == .insert)
        #expect(record.dynamodb.approximateCreationDateTime == Date(timeIntervalSince1970: 1_578_648_338))
        #expect(record.dynamodb.newImage == Samples.inserted)
        #expect(record.dynamodb.oldImage == nil)
        #expect(record.dynamodb.sizeBytes == 26)
        #expect(record.userIdentity == nil)
        #expect(try orderedJSON(event).hasPrefix(#"{"Records":[{"eventID":"c4ca4238a0b923820dcc509a6f75849b","#))
    }

    @Test(
        "images per view type and event (§1.3)",
        arguments: [
            (StreamViewType.keysOnly, StreamEventName.insert, false, false), (.keysOnly, .modify, false, false),
            (.keysOnly, .remove, false, false), (.newImage, .insert, true, false), (.newImage, .modify, true, false),
            (.newImage, .remove, false, false), (.oldImage, .insert, false, false), (.oldImage, .modify, false, true),
            (.oldImage, .remove, false, true), (.newAndOldImages, .insert, true, false),
            (.newAndOldImages, .modify, true, true), (.newAndOldImages, .remove, false, true),
        ])
    func imagesPerViewType(viewType: StreamViewType, eventName: StreamEventName, hasNew: Bool, hasOld: Bool) {
        let data = StreamRecordData(
            eventName: eventName, viewType: viewType, keys: Samples.keys,
            newItem: eventName == .remove ? nil : Samples.changed,
            oldItem: eventName == .insert ? nil : Samples.inserted,
            sequenceNumber: "100000000000000000001", approximateCreationDateTime: Date(timeIntervalSince1970: 0))
        #expect((data.newImage != nil) == hasNew)
        #expect((data.oldImage != nil) == hasOld)
        #expect(
            data.sizeBytes == 5 + (hasNew ? ItemSize.of(Samples.changed) : 0)
                + (hasOld ? ItemSize.of(Samples.inserted) : 0))
    }

    @Test("an unknown view type is rejected")
    func unknownViewType() {
        #expect(throws: DecodingError.self) { try decode(StreamViewType.self, #""ALL""#) }
    }
}

struct StreamsEventResponseTests {
    @Test("a partial failure encodes as AWS expects")
    func encodes() throws {
        let response = StreamsEventResponse(batchItemFailures: [
            BatchItemFailure(itemIdentifier: "118600000000036187345612")
        ])
        #expect(try orderedJSON(response) == #"{"batchItemFailures":[{"itemIdentifier":"118600000000036187345612"}]}"#)
        #expect(try orderedJSON(StreamsEventResponse()) == #"{"batchItemFailures":[]}"#)
    }

    @Test(
        "success forms decode as no failures",
        arguments: ["{}", #"{"batchItemFailures":[]}"#, #"{"batchItemFailures":null}"#])
    func successForms(json: String) throws {
        #expect(try decode(StreamsEventResponse.self, json).batchItemFailures.isEmpty)
    }

    @Test(
        "malformed entries fail to decode",
        arguments: [
            #"{"batchItemFailures":[{"itemIdentifier":null}]}"#, #"{"batchItemFailures":[{"foo":"1"}]}"#,
            #"{"batchItemFailures":[{"itemIdentifier":123}]}"#,
        ])
    func malformed(json: String) {
        #expect(throws: DecodingError.self) { try decode(StreamsEventResponse.self, json) }
    }
}
