import Foundation
import Testing

@testable import Emulator

/// The destination record of an asynchronous invocation, in AWS's shape and key order.
struct AsyncDestinationRecordTests {
    @Test("RetriesExhausted: request and response payloads embedded as JSON, AWS's key order")
    func failureRecord() {
        let record = AsyncDestinationRecord(
            timestamp: Date(timeIntervalSince1970: 1_764_849_600.25), requestID: "req-1",
            functionARN: "arn:aws:lambda:us-east-1:123456789012:function:F:$LATEST", condition: "RetriesExhausted",
            approximateInvokeCount: 3, requestPayload: Data(#"{"a":1}"#.utf8), functionError: "Unhandled",
            responsePayload: Data(#"{"errorMessage":"x","errorType":"E"}"#.utf8))
        #expect(
            String(decoding: record.json(), as: UTF8.self)
                == #"{"version":"1.0","timestamp":"2025-12-04T12:00:00.250Z","requestContext":{"requestId":"req-1","#
                + #""functionArn":"arn:aws:lambda:us-east-1:123456789012:function:F:$LATEST","condition":"RetriesExhausted","#
                + #""approximateInvokeCount":3},"requestPayload":{"a":1},"responseContext":{"statusCode":200,"#
                + #""executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorMessage":"x","errorType":"E"}}"#)
    }

    @Test("an event never run has no response; a response that is not JSON is a string")
    func edges() {
        var record = AsyncDestinationRecord(
            timestamp: Date(timeIntervalSince1970: 0), requestID: "r", functionARN: "arn", condition: "EventAgeExceeded",
            approximateInvokeCount: 0, requestPayload: Data("[1]".utf8), functionError: nil, responsePayload: nil)
        let never = String(decoding: record.json(), as: UTF8.self)
        #expect(never.hasSuffix(#""approximateInvokeCount":0},"requestPayload":[1]}"#))
        record.approximateInvokeCount = 1
        record.responsePayload = Data("plain text".utf8)
        #expect(String(decoding: record.json(), as: UTF8.self).hasSuffix(#""responsePayload":"plain text"}"#))
    }
}
