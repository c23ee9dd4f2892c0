import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One shard of a stream, read in sequence-number order: the embedded store, a remote Streams API, or an event log.
public protocol StreamRecordSource: Sendable {
    /// The stream's ARN (the records' `eventSourceARN`).
    var streamARN: String { get }
    /// The shard's ID.
    var shardID: String { get }

    /// Up to `limit` records after `position` (`nil`: from the oldest record kept), in order.
    func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord]
    /// Returns once records after `position` may exist, or when the task is cancelled; throws ``ShardEnded`` when the
    /// shard is closed and nothing follows `position`. Never sleep-polls locally.
    func waitForRecords(after position: SequenceNumber?) async throws
    /// The newest record's sequence number (where `LATEST` starts), `nil` when the shard is empty.
    func latestSequenceNumber() async throws -> SequenceNumber?
    /// How many records follow `position` and when the first of them was written, when the source can tell.
    func backlog(after position: SequenceNumber?) async throws -> Backlog?
}

/// The records a lane has not processed yet.
public struct Backlog: Sendable, Hashable, Codable {
    /// How many records follow the checkpoint.
    public var count: Int
    /// `ApproximateCreationDateTime` of the first of them.
    public var oldestRecordTime: Date?

    /// A backlog of `count` records, the oldest written at `oldestRecordTime`.
    public init(count: Int, oldestRecordTime: Date?) {
        self.count = count
        self.oldestRecordTime = oldestRecordTime
    }
}

extension Backlog {
    /// The larger count of the two, and the older first record.
    func widened(by other: Backlog) -> Backlog {
        Backlog(
            count: max(count, other.count),
            oldestRecordTime: [oldestRecordTime, other.oldestRecordTime].compactMap { $0 }.min())
    }
}
