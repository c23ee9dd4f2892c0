#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a lane has done since the emulator started, for `lambda-local status` and replay summaries.
public struct LaneStatistics: Sendable, Hashable, Codable {
    /// Batches formed (each counted once however often it was retried or split).
    public var batches = 0
    /// Invocations of the function, retries included.
    public var invocations = 0
    /// Invocations that repeated records already invoked (retries and bisected halves).
    public var retries = 0
    /// Records delivered to a successful invocation.
    public var recordsSucceeded = 0
    /// Records dropped by the filter criteria.
    public var recordsFiltered = 0
    /// Records sent to the on-failure destination.
    public var recordsDiscarded = 0
    /// AWS's `LastProcessingResult`: `No records processed`, `OK` or `PROBLEM: Function call failed`.
    public var lastProcessingResult = LaneStatistics.noRecordsProcessed
    /// When the last batch finished.
    public var lastBatchAt: Date?
    /// The lane's checkpoint (the last sequence number done), `nil` before the first one.
    public var checkpoint: String?

    /// An empty record.
    public init() {}

    static let noRecordsProcessed = "No records processed"
    static let ok = "OK"
    static let functionCallFailed = "PROBLEM: Function call failed"

    /// The sum of two lanes' statistics (the later batch time and result win).
    public func merged(with other: LaneStatistics) -> LaneStatistics {
        var sum = self
        sum.batches += other.batches
        sum.invocations += other.invocations
        sum.retries += other.retries
        sum.recordsSucceeded += other.recordsSucceeded
        sum.recordsFiltered += other.recordsFiltered
        sum.recordsDiscarded += other.recordsDiscarded
        if let otherTime = other.lastBatchAt, otherTime > (lastBatchAt ?? .distantPast) {
            sum.lastBatchAt = otherTime
            sum.lastProcessingResult = other.lastProcessingResult
        }
        sum.checkpoint = nil
        return sum
    }
}
