import Foundation

/// The invocation record Lambda sends to an asynchronous invocation's destination (version `1.0`), in AWS's key
/// order: `version`, `timestamp`, `requestContext` (`requestId`, `functionArn`, `condition`,
/// `approximateInvokeCount`), `requestPayload`, `responseContext` (`statusCode`, `executedVersion`, `functionError`)
/// and `responsePayload` (the payloads as JSON, not strings).
struct AsyncDestinationRecord: Sendable {
    var timestamp: Date
    var requestID: String
    /// The function's ARN with its qualifier (`…:function:Name:$LATEST`).
    var functionARN: String
    /// `Success`, `RetriesExhausted` or `EventAgeExceeded`.
    var condition: String
    var approximateInvokeCount: Int
    var requestPayload: Data
    /// `nil` when the event was never run (its age ran out while throttled).
    var functionError: String?
    /// The function's response or error object; `nil` when no attempt ran.
    var responsePayload: Data?

    /// The record as one line of JSON.
    func json() -> Data {
        var context = "{\"statusCode\":200,\"executedVersion\":\"$LATEST\""
        if let functionError { context += ",\"functionError\":\(Self.quoted(functionError))" }
        context += "}"
        var text = "{\"version\":\"1.0\",\"timestamp\":\(Self.quoted(Self.format(timestamp)))"
        text += ",\"requestContext\":{\"requestId\":\(Self.quoted(requestID)),\"functionArn\":\(Self.quoted(functionARN))"
        text += ",\"condition\":\(Self.quoted(condition)),\"approximateInvokeCount\":\(approximateInvokeCount)}"
        text += ",\"requestPayload\":\(Self.embedded(requestPayload))"
        if approximateInvokeCount > 0 { text += ",\"responseContext\":\(context)" }
        if let responsePayload { text += ",\"responsePayload\":\(Self.embedded(responsePayload))" }
        return Data((text + "}").utf8)
    }

    /// JSON bytes as they are (without surrounding whitespace), anything else as a JSON string.
    static func embedded(_ payload: Data) -> String {
        let text = String(decoding: payload, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil { return text }
        return quoted(text)
    }

    static func quoted(_ string: String) -> String {
        let options: JSONSerialization.WritingOptions = [.fragmentsAllowed, .withoutEscapingSlashes]
        let data = (try? JSONSerialization.data(withJSONObject: string, options: options)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `2026-12-04T12:00:00.123Z`, as Lambda writes it.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
