import Foundation

/// X-Ray trace headers in the form Lambda passes them: `Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`.
enum TraceID {
    static func generate(now: Date = Date()) -> String {
        let epoch = String(Int(now.timeIntervalSince1970), radix: 16)
        return "Root=1-\(epoch)-\(randomHex(24));Parent=\(randomHex(16));Sampled=0"
    }

    /// `count` random lowercase hex digits.
    static func randomHex(_ count: Int) -> String { RandomText.make(count, from: RandomText.lowercaseHex) }
}

/// Timestamps as Lambda's log lines print them.
enum Timestamp {
    /// ISO-8601 UTC with milliseconds and `Z`, e.g. `2023-03-20T16:09:30.717Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
