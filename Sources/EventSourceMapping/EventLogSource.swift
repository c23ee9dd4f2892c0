import DynamoDBTypes

/// A shard made of an event log's records, for replays. It never grows.
public struct EventLogSource: StreamRecordSource {
    public let streamARN: String
    public let shardID: String
    private let records: [(number: SequenceNumber, record: StreamRecord)]

    /// A source of `log`'s records under `streamARN` (used for records that do not name their stream).
    ///
    /// - Throws: ``SequenceNumberError`` for a record without a valid sequence number.
    public init(log: EventLog, streamARN: String, shardID: String) throws {
        self.streamARN = streamARN
        self.shardID = shardID
        self.records = try log.records.map { (try SequenceNumber($0.dynamodb.sequenceNumber), $0) }
    }

    public func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord] {
        let start = position.map { position in records.firstIndex { $0.number > position } ?? records.count } ?? 0
        return records[start...].prefix(limit).map(\.record)
    }

    /// An event log never grows: waits until cancelled.
    public func waitForRecords(after position: SequenceNumber?) async throws {
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }

    public func latestSequenceNumber() async throws -> SequenceNumber? { records.last?.number }

    public func backlog(after position: SequenceNumber?) async throws -> Backlog? {
        let rest = records.filter { position == nil || $0.number > position! }
        return Backlog(count: rest.count, oldestRecordTime: rest.first?.record.dynamodb.approximateCreationDateTime)
    }
}
