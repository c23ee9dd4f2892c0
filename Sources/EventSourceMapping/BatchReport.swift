/// One step of a lane's work, for the emulator's one-line-per-batch log.
public struct BatchReport: Sendable, Hashable {
    /// What happened to the batch.
    public enum Result: Sendable, Hashable {
        /// The function succeeded for every record.
        case succeeded
        /// The function failed (`Unhandled`, a timeout, …); the batch is retried or split.
        case functionError(String)
        /// ReportBatchItemFailures is on and the response was not a valid report: the whole batch failed.
        case invalidResponse(String)
        /// The function reported failures: records from `retryFrom` on are retried.
        case partialFailure(retryFrom: String, remaining: Int)
        /// The function was not reached (throttled, could not start); retried without counting.
        case notInvoked(String)
        /// One record's event is larger than an invocation payload may be (`bytes` > 6 MB): it cannot be sent to
        /// the function, so it goes to the failure destination without an invocation.
        case tooLarge(bytes: Int)
        /// The records went to the failure destination (or were dropped when none is configured).
        case discarded(OnFailureRecord.Condition, destination: String?)
    }

    /// The mapping's name.
    public var mapping: String
    /// The lane (0-based) and how many lanes the shard has.
    public var lane: Int
    public var laneCount: Int
    /// Records in the batch.
    public var size: Int
    /// Sequence numbers of its first and last record.
    public var firstSequenceNumber: String
    public var lastSequenceNumber: String
    /// Which invocation of these records this was (1 for the first).
    public var attempt: Int
    /// The outcome.
    public var result: Result
    /// How long the invocation took (`nil` when none was made).
    public var duration: Duration?

    /// `MessagingStream.Stream: 3 records 1000…1002: OK in 2.31 ms` and the like.
    public var line: String {
        var text = "\(mapping)"
        if laneCount > 1 { text += " lane \(lane + 1)/\(laneCount)" }
        text += ": \(size) record\(size == 1 ? "" : "s") \(firstSequenceNumber)"
        if size > 1 { text += "…\(lastSequenceNumber)" }
        if attempt > 1 { text += " (attempt \(attempt))" }
        text += ": "
        switch result {
        case .succeeded: text += "OK"
        case .functionError(let error): text += "function error (\(error))"
        case .invalidResponse(let why): text += "invalid batch response, whole batch failed (\(why))"
        case .partialFailure(let from, let remaining):
            text += "batchItemFailures from \(from), retrying \(remaining) record\(remaining == 1 ? "" : "s")"
        case .notInvoked(let reason): text += "not invoked (\(reason)), will retry"
        case .tooLarge(let bytes):
            text += "event of \(bytes) bytes is over the \(MappingSettings.maximumPayloadBytes)-byte invocation payload limit, not invoked"
        case .discarded(let condition, let destination):
            text += "discarded (\(condition.rawValue))"
            text += destination.map { " to \($0)" } ?? ", no on-failure destination"
        }
        if let duration { text += " in \(Self.milliseconds(duration)) ms" }
        return text
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
