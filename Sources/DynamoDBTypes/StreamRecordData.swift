#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `dynamodb` object of a stream record: keys, images, sequence number and size.
public struct StreamRecordData: Sendable, Hashable {
    /// When the change was made; encoded as whole epoch seconds (a JSON number), rounded down.
    public var approximateCreationDateTime: Date?
    /// The primary-key attributes of the changed item.
    public var keys: Item
    /// The item after the change, when the view type and event carry it.
    public var newImage: Item?
    /// The item before the change, when the view type and event carry it.
    public var oldImage: Item?
    /// Decimal digits (21–40), increasing within a shard; compare with ``SequenceNumber``.
    public var sequenceNumber: String
    /// ``ItemSize`` of keys plus the images present.
    public var sizeBytes: Int
    /// The stream's view type, repeated on every record.
    public var streamViewType: StreamViewType

    /// Creates record data from explicit fields (no image filtering, `sizeBytes` as given).
    public init(
        approximateCreationDateTime: Date?, keys: Item, newImage: Item?, oldImage: Item?,
        sequenceNumber: String, sizeBytes: Int, streamViewType: StreamViewType
    ) {
        self.approximateCreationDateTime = approximateCreationDateTime
        self.keys = keys
        self.newImage = newImage
        self.oldImage = oldImage
        self.sequenceNumber = sequenceNumber
        self.sizeBytes = sizeBytes
        self.streamViewType = streamViewType
    }

    /// Record data for a change: keeps only the images `viewType` carries for `eventName`
    /// (streams-and-triggers.md §1.3), truncates the time to whole seconds and computes `SizeBytes`.
    public init(
        eventName: StreamEventName, viewType: StreamViewType, keys: Item, newItem: Item?, oldItem: Item?,
        sequenceNumber: String, approximateCreationDateTime: Date
    ) {
        let newImage = viewType.carriesNewImage(for: eventName) ? newItem : nil
        let oldImage = viewType.carriesOldImage(for: eventName) ? oldItem : nil
        let seconds = approximateCreationDateTime.timeIntervalSince1970.rounded(.down)
        self.init(
            approximateCreationDateTime: Date(timeIntervalSince1970: seconds), keys: keys,
            newImage: newImage, oldImage: oldImage, sequenceNumber: sequenceNumber,
            sizeBytes: Self.sizeBytes(keys: keys, newImage: newImage, oldImage: oldImage),
            streamViewType: viewType)
    }

    /// `SizeBytes` as AWS computes it: the item sizes of keys and of each image present.
    public static func sizeBytes(keys: Item, newImage: Item?, oldImage: Item?) -> Int {
        ItemSize.of(keys) + (newImage.map(ItemSize.of) ?? 0) + (oldImage.map(ItemSize.of) ?? 0)
    }
}

extension StreamRecordData: Codable {
    enum CodingKeys: String, CodingKey {
        case approximateCreationDateTime = "ApproximateCreationDateTime"
        case keys = "Keys"
        case newImage = "NewImage"
        case oldImage = "OldImage"
        case sequenceNumber = "SequenceNumber"
        case sizeBytes = "SizeBytes"
        case streamViewType = "StreamViewType"
    }

    /// Decodes AWS's shape; `ApproximateCreationDateTime` may be fractional (`1.578648338E9`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        approximateCreationDateTime = try container.decodeIfPresent(Double.self, forKey: .approximateCreationDateTime)
            .map { Date(timeIntervalSince1970: $0) }
        keys = try container.decode(Item.self, forKey: .keys)
        newImage = try container.decodeIfPresent(Item.self, forKey: .newImage)
        oldImage = try container.decodeIfPresent(Item.self, forKey: .oldImage)
        sequenceNumber = try container.decode(String.self, forKey: .sequenceNumber)
        sizeBytes = try container.decode(Int.self, forKey: .sizeBytes)
        streamViewType = try container.decode(StreamViewType.self, forKey: .streamViewType)
    }

    /// Encodes in AWS's field order, omitting absent images; item attributes sorted by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let date = approximateCreationDateTime {
            try container.encode(Int64(date.timeIntervalSince1970.rounded(.down)), forKey: .approximateCreationDateTime)
        }
        try container.encode(SortedItem(keys), forKey: .keys)
        try container.encodeIfPresent(newImage.map(SortedItem.init), forKey: .newImage)
        try container.encodeIfPresent(oldImage.map(SortedItem.init), forKey: .oldImage)
        try container.encode(sequenceNumber, forKey: .sequenceNumber)
        try container.encode(sizeBytes, forKey: .sizeBytes)
        try container.encode(streamViewType, forKey: .streamViewType)
    }
}

/// Encodes an item with its attribute names in sorted order, so output does not depend on hashing.
struct SortedItem: Encodable {
    let item: Item

    init(_ item: Item) { self.item = item }

    private struct NameKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for (name, value) in item.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: NameKey(stringValue: name))
        }
    }
}
