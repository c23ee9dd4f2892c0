import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stream record as stored; its sequence number is the row's `seq`, its shape is built at read time.
struct StoredStreamRecord: Sendable, Equatable {
    var eventID: String
    var eventName: StreamEventName
    /// The write's time (the record shows it rounded down to whole seconds).
    var created: Date
    var keys: Item
    /// The images the stream's view type carries for this event (others are not stored).
    var newItem: Item?
    var oldItem: Item?
    var viewType: StreamViewType
    /// Who made the change, when not a user: ``UserIdentity/timeToLive`` for a Time to Live deletion.
    var userIdentity: UserIdentity? = nil

    /// The wire record for sequence counter `sequence`.
    func record(sequence: Int64, region: String, streamARN: String?) -> StreamRecord {
        StreamRecord(
            eventID: eventID, eventName: eventName, awsRegion: region, userIdentity: userIdentity,
            dynamodb: StreamRecordData(
                eventName: eventName, viewType: viewType, keys: keys, newItem: newItem, oldItem: oldItem,
                sequenceNumber: StreamSequence.number(sequence).description, approximateCreationDateTime: created),
            eventSourceARN: streamARN)
    }
}

/// Sequence numbers: the global `stream_records.seq` counter, as ``SequenceNumber`` of shard 1 (21+ digits).
enum StreamSequence {
    /// The sequence number of counter `sequence`.
    static func number(_ sequence: Int64) -> SequenceNumber {
        SequenceNumber(shard: 1, counter: UInt64(max(0, sequence)))
    }

    /// The counter of a sequence number made by ``number(_:)``; nil for one that is not ours.
    static func counter(_ text: String) -> Int64? {
        // Ours are exactly "1" (shard 1) followed by the counter as 20 digits.
        guard (try? SequenceNumber(text)) != nil, text.utf8.count == 21, text.first == "1" else { return nil }
        return Int64(text.dropFirst())
    }
}

/// Appends change records to a table's stream inside the writing transaction.
enum StreamWriter {
    /// How often (in records) expired records are deleted.
    static let trimInterval: Int64 = 1024

    /// Records the change `old` → `new` of one item, if the table has a stream and the item changed.
    ///
    /// No record is written when the two are equivalent (DynamoDB's "does not change any data": numbers by
    /// value, sets ignoring order; stored items are canonical, so `==` is the fast path) or when both are
    /// nil (a delete of a missing item). `userIdentity` marks a change the service made (a TTL deletion). With
    /// `shardRecords`, the stream's open shard is closed once it holds that many records and a child shard opened.
    static func record(
        _ db: Database, table: TableSchema, old: Item?, new: Item?, now: Date, waiters: StreamWaiters,
        shardRecords: Int? = nil, userIdentity: UserIdentity? = nil
    ) throws {
        guard let (arn, viewType) = table.activeStream, let any = new ?? old else { return }
        if let old, let new, old == new || old.isEquivalent(to: new) { return }
        let eventName: StreamEventName = old == nil ? .insert : new == nil ? .remove : .modify
        var random = UniqueIDRandom()
        let record = StoredStreamRecord(
            eventID: StreamRecord.newEventID(using: &random), eventName: eventName, created: now,
            keys: table.key.keyAttributes(of: any),
            newItem: viewType.carriesNewImage(for: eventName) ? new : nil,
            oldItem: viewType.carriesOldImage(for: eventName) ? old : nil, viewType: viewType,
            userIdentity: userIdentity)
        try db.cachedStatement(sql: "INSERT INTO stream_records (stream_arn, created, record) VALUES (?, ?, ?)")
            .execute(arguments: [arn, now.timeIntervalSince1970, record.encoded()])
        let sequence = db.lastInsertedRowID
        if let shardRecords {
            try StreamShardCatalog.countRecord(db, streamARN: arn, sequence: sequence, limit: shardRecords, now: now)
        }
        if sequence % trimInterval == 0 {
            // Readers already skip records past the 24-hour retention; this reclaims their space now and then.
            try db.execute(
                sql: "DELETE FROM stream_records WHERE created < ?",
                arguments: [now.timeIntervalSince1970 - TableStore.streamRetention])
        }
        db.afterNextTransaction { _ in waiters.published(arn: arn, sequence: sequence) }
    }
}
