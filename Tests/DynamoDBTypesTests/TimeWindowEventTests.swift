import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The typed tumbling-window event and response (`DynamoDBTimeWindowEvent`, `TimeWindowEventResponse`).
struct TimeWindowEventTests {
    @Test("a tumbling-window event in Lambda's shape decodes, record, window, state and flags")
    func decodesLambdaShape() throws {
        let json = """
            {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.0","eventSource":"aws:dynamodb",
            "awsRegion":"us-east-1","dynamodb":{"Keys":{"Id":{"N":"101"}},"NewImage":{"Message":{"S":"New item!"},
            "Id":{"N":"101"}},"SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},
            "eventSourceARN":"stream-ARN"}],
            "window":{"start":"2020-07-30T17:00:00Z","end":"2020-07-30T17:05:00Z"},"state":{"1":"state1"},
            "shardId":"shard123456789","eventSourceARN":"stream-ARN","isFinalInvokeForWindow":false,
            "isWindowTerminatedEarly":false}
            """
        let event = try JSONDecoder().decode(DynamoDBTimeWindowEvent.self, from: Data(json.utf8))
        #expect(event.records.map(\.dynamodb.sequenceNumber) == ["111"])
        #expect(event.window == .init(start: "2020-07-30T17:00:00Z", end: "2020-07-30T17:05:00Z"))
        #expect(event.state == ["1": "state1"])
        #expect(event.shardID == "shard123456789")
        #expect(event.eventSourceARN == "stream-ARN")
        #expect(!event.isFinalInvokeForWindow && !event.isWindowTerminatedEarly)
    }

    @Test("a final invocation with no records and an empty state decodes")
    func decodesFinalInvocation() throws {
        let json = #"{"Records":[],"window":{"start":"a","end":"b"},"state":{},"isFinalInvokeForWindow":true}"#
        let event = try JSONDecoder().decode(DynamoDBTimeWindowEvent.self, from: Data(json.utf8))
        #expect(event.records.isEmpty && event.state.isEmpty && event.isFinalInvokeForWindow)
        #expect(event.shardID == nil)
    }

    @Test("the response encodes as {\"state\": …, \"batchItemFailures\": […]}")
    func encodesResponse() throws {
        let response = TimeWindowEventResponse(state: ["total": "15"], batchItemFailures: [.init(itemIdentifier: "222")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(response), as: UTF8.self)
                == #"{"batchItemFailures":[{"itemIdentifier":"222"}],"state":{"total":"15"}}"#)
    }
}
