/// The event of an invocation under a tumbling window: the batch's `Records` plus the window's properties
/// (`window`, `state`, `shardId`, `eventSourceARN`, `isFinalInvokeForWindow`, `isWindowTerminatedEarly`),
/// as Lambda sends it to a DynamoDB stream function with `TumblingWindowInSeconds`.
struct TumblingWindowEvent {
    var records: [EncodedRecord]
    var window: TumblingWindowState
    var shardID: String
    var streamARN: String
    var isFinal = false
    var isTerminatedEarly = false

    /// The JSON bytes the function receives.
    var payload: [UInt8] {
        var bytes = EncodedRecord.payload(records)
        bytes.removeLast()  // the closing brace of {"Records":[…]}
        bytes.append(contentsOf: #","window":\#(window.window.json),"state":"#.utf8)
        bytes.append(contentsOf: window.state)
        bytes.append(contentsOf: #","shardId":"#.utf8)
        bytes.append(contentsOf: Self.quoted(shardID))
        bytes.append(contentsOf: #","eventSourceARN":"#.utf8)
        bytes.append(contentsOf: Self.quoted(streamARN))
        bytes.append(contentsOf: #","isFinalInvokeForWindow":\#(isFinal)"#.utf8)
        bytes.append(contentsOf: #","isWindowTerminatedEarly":\#(isTerminatedEarly)}"#.utf8)
        return bytes
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes.append(contentsOf: #"\""#.utf8)
            case "\\": bytes.append(contentsOf: #"\\"#.utf8)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                bytes.append(contentsOf: "\\u00\(hex.count == 1 ? "0" : "")\(hex)".utf8)
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }
}
