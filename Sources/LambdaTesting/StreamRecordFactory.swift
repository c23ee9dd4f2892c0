import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds DynamoDB stream records as Lambda delivers them (AWS's formats: 32-hex eventID, ≥21-digit increasing
/// SequenceNumber, whole-second creation time, SizeBytes, images per view type, eventSourceARN), for tests.
///
/// Each built record takes the next sequence number; tests may reorder or repeat records to play duplicates
/// and out-of-order deliveries.
public struct StreamRecordFactory: Sendable {
    /// The stream ARN put in `eventSourceARN`.
    public var streamARN: String
    /// The table's key attribute names (`Keys` holds these attributes of the item).
    public var keyNames: [String]
    /// The stream's view type; decides which images a record carries.
    public var viewType: StreamViewType
    /// The region in `awsRegion`.
    public var region: String
    /// The counter of the next record's sequence number (shard 1).
    public var nextCounter: UInt64
    /// The creation time stamped on records.
    public var creationTime: Date

    /// A factory for the stream `streamARN` of a table keyed by `keyNames`.
    public init(
        streamARN: String, keyNames: [String], viewType: StreamViewType = .newImage, region: String = "us-east-1",
        firstCounter: UInt64 = 1, creationTime: Date = Date(timeIntervalSince1970: 1_700_000_000)
    ) {
        self.streamARN = streamARN
        self.keyNames = keyNames
        self.viewType = viewType
        self.region = region
        self.nextCounter = firstCounter
        self.creationTime = creationTime
    }

    /// An INSERT of `item`.
    public mutating func insert(_ item: Item) -> StreamRecord {
        record(.insert, new: item, old: nil)
    }

    /// A MODIFY from `old` to `new`.
    public mutating func modify(_ new: Item, old: Item) -> StreamRecord {
        record(.modify, new: new, old: old)
    }

    /// A REMOVE of `old`.
    public mutating func remove(_ old: Item) -> StreamRecord {
        record(.remove, new: nil, old: old)
    }

    /// A record of `eventName` with the next sequence number.
    public mutating func record(_ eventName: StreamEventName, new: Item?, old: Item?) -> StreamRecord {
        let counter = nextCounter
        nextCounter += 1
        let source = new ?? old ?? [:]
        let keys = source.filter { keyNames.contains($0.key) }
        let hex = String(counter, radix: 16)
        return StreamRecord(
            eventID: String(repeating: "0", count: max(0, 32 - hex.count)) + hex, eventName: eventName,
            awsRegion: region,
            dynamodb: StreamRecordData(
                eventName: eventName, viewType: viewType, keys: keys, newItem: new, oldItem: old,
                sequenceNumber: SequenceNumber(shard: 1, counter: counter).description,
                approximateCreationDateTime: creationTime),
            eventSourceARN: streamARN)
    }
}
