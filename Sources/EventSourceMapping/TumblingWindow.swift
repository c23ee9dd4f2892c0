#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One tumbling window of a mapping with `TumblingWindowInSeconds`: `[start, end)`, aligned to the Unix epoch
/// as Lambda aligns them, so a 60-second window always starts on a whole minute.
///
/// A record belongs to the window containing its `ApproximateCreationDateTime`; Lambda never puts records of two
/// windows in one invocation ("Using AWS Lambda with DynamoDB", tumbling windows).
public struct TumblingWindow: Sendable, Hashable, Codable {
    /// The first second of the window (seconds since the epoch).
    public var start: Int64
    /// The first second after it.
    public var end: Int64

    /// The window of `length` seconds containing `instant`.
    public init(containing instant: Date, length: Int) {
        let length = Int64(max(length, 1))
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        // Floor division, so instants before 1970 fall in the window below, not above.
        let index = seconds >= 0 ? seconds / length : -((-seconds + length - 1) / length)
        start = index * length
        end = start + length
    }

    /// A window from its bounds.
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// Whether the window is over at `now` (its end has passed).
    public func hasEnded(at now: Date) -> Bool {
        now.timeIntervalSince1970 >= Double(end)
    }

    /// `{"start":"…Z","end":"…Z"}` as the event carries it (ISO-8601 to the second, UTC).
    var json: String {
        #"{"start":"\#(Self.format(start))","end":"\#(Self.format(end))"}"#
    }

    static func format(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}

extension TumblingWindow {
    /// Splits `records` (in stream order) into runs of consecutive records of the same window, so no invocation
    /// spans two windows. A record without a creation time belongs to the window of `now`.
    static func runs(of records: [EncodedRecord], length: Int, now: Date) -> [(TumblingWindow, [EncodedRecord])] {
        var runs: [(TumblingWindow, [EncodedRecord])] = []
        for record in records {
            let created = record.record.dynamodb.approximateCreationDateTime ?? now
            let window = TumblingWindow(containing: created, length: length)
            if let last = runs.indices.last, runs[last].0 == window {
                runs[last].1.append(record)
            } else {
                runs.append((window, [record]))
            }
        }
        return runs
    }
}
