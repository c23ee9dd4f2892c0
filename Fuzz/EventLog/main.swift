import EventSourceMapping

/// libFuzzer target: the event-log reader (`replay --events`): JSON Lines of stream records or `{"Records":[…]}`
/// events, in shard order. A thrown ``EventLogError`` is an answer; a crash, a hang or a trap is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    do {
        let log = try EventLog(text: text, file: "events.jsonl")
        _ = log.records.count
    } catch {
        _ = error.description
    }
    return 0
}
