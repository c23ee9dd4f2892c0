#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sample DynamoDB stream events for `lambda-local generate-event dynamodb insert|modify|remove|batch`.
///
/// The content mirrors SAM CLI's sample (table `ExampleTableWithStream`, item `Id N 101`,
/// `Message` "New item!" then "This item has changed"), but the formats are AWS's real ones:
/// eventVersion `1.1`, random 32-hex eventIDs, whole-second ApproximateCreationDateTime,
/// increasing ≥21-digit SequenceNumbers, SizeBytes from ``ItemSize``, images per view type, and
/// an eventSourceARN whose label has milliseconds.
public enum SampleStreamEvent {
    /// Which records to generate.
    public enum Kind: String, Sendable, CaseIterable {
        /// One INSERT.
        case insert
        /// One MODIFY.
        case modify
        /// One REMOVE.
        case remove
        /// INSERT, MODIFY and REMOVE of the same item, as SAM's `dynamodb update` sample.
        case batch
    }

    /// What to put in the sample; every field has SAM's default.
    public struct Options: Sendable, Hashable {
        /// Default `ExampleTableWithStream`.
        public var tableName = "ExampleTableWithStream"
        /// Default `us-east-1`.
        public var region = "us-east-1"
        /// Default `123456789012`.
        public var account = "123456789012"
        /// Default `aws`.
        public var partition = "aws"
        /// The key attributes; default `Id N 101`.
        public var keys: Item = ["Id": .n("101")]
        /// The item after a change (INSERT's NewImage, MODIFY's NewImage; in a batch also REMOVE's
        /// OldImage); nil uses `Message` "New item!" for INSERT and "This item has changed" otherwise.
        public var newImage: Item?
        /// The item before a change (MODIFY's and REMOVE's OldImage; in a batch also INSERT's
        /// NewImage); nil uses `Message` "New item!" for MODIFY and "This item has changed" for REMOVE.
        public var oldImage: Item?
        /// Default NEW_AND_OLD_IMAGES.
        public var viewType: StreamViewType = .newAndOldImages
        /// The records' time; nil uses the current time. Written as whole seconds.
        public var creationTime: Date?
        /// The stream label in the ARN; nil derives it from the creation time.
        public var streamLabel: String?

        /// Options with SAM's defaults.
        public init() {}
    }

    /// SAM's item before the change.
    public static let insertedItem: Item = ["Message": .s("New item!"), "Id": .n("101")]
    /// SAM's item after the change.
    public static let changedItem: Item = ["Message": .s("This item has changed"), "Id": .n("101")]

    /// A sample event using the system random generator and clock.
    public static func make(kind: Kind, options: Options = Options()) -> DynamoDBStreamEvent {
        var generator = SystemRandomNumberGenerator()
        return make(kind: kind, options: options, generator: &generator, now: Date())
    }

    /// A sample event with injected randomness (eventIDs: two `next()` calls per record) and clock.
    public static func make(
        kind: Kind, options: Options, generator: inout some RandomNumberGenerator, now: Date
    ) -> DynamoDBStreamEvent {
        let time = options.creationTime ?? now
        let table = TableARN(
            partition: options.partition, region: options.region, account: options.account,
            tableName: options.tableName)
        let arn = table.stream(label: options.streamLabel ?? StreamARN.label(for: time))
        let changes: [(StreamEventName, new: Item?, old: Item?)] =
            switch kind {
            case .insert: [(.insert, options.newImage ?? insertedItem, nil)]
            case .modify: [(.modify, options.newImage ?? changedItem, options.oldImage ?? insertedItem)]
            case .remove: [(.remove, nil, options.oldImage ?? changedItem)]
            case .batch:
                [
                    (.insert, options.oldImage ?? insertedItem, nil),
                    (.modify, options.newImage ?? changedItem, options.oldImage ?? insertedItem),
                    (.remove, nil, options.newImage ?? changedItem),
                ]
            }
        // Shard 1, counters from the creation second: `1` + 20 digits, increasing record by record.
        let firstCounter = UInt64(max(0, time.timeIntervalSince1970.rounded(.down))) * 100_000 + 1
        let records = changes.enumerated().map { index, change in
            StreamRecord(
                eventID: StreamRecord.newEventID(using: &generator), eventName: change.0, awsRegion: options.region,
                dynamodb: StreamRecordData(
                    eventName: change.0, viewType: options.viewType, keys: options.keys,
                    newItem: change.new, oldItem: change.old,
                    sequenceNumber: SequenceNumber(shard: 1, counter: firstCounter + UInt64(index)).description,
                    approximateCreationDateTime: time),
                eventSourceARN: arn.description)
        }
        return DynamoDBStreamEvent(records: records)
    }
}
