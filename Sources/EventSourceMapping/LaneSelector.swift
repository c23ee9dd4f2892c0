import DynamoDBTypes

/// Splits a shard's records among `ParallelizationFactor` lanes by partition key, so records of one key always
/// go to the same lane (Lambda keeps order per partition key, streams-and-triggers.md §3.7). The hash is
/// stable across processes: a lane's checkpoint must mean the same records after a restart.
public struct LaneSelector: Sendable, Hashable {
    /// This lane (0-based).
    public var lane: Int
    /// How many lanes share the shard.
    public var laneCount: Int
    /// The table's partition key attribute; `nil` hashes every key attribute.
    public var partitionKey: String?

    /// The selector of `lane` out of `laneCount`.
    public init(lane: Int, laneCount: Int, partitionKey: String?) {
        self.lane = lane
        self.laneCount = laneCount
        self.partitionKey = partitionKey
    }

    /// Whether `record` belongs to this lane.
    public func owns(_ record: StreamRecord) -> Bool {
        guard laneCount > 1 else { return true }
        return Int(Self.hash(of: record, partitionKey: partitionKey) % UInt64(laneCount)) == lane
    }

    /// FNV-1a over the partition key's type and value (or every key attribute, by name).
    static func hash(of record: StreamRecord, partitionKey: String?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        let keys = record.dynamodb.keys
        let names = partitionKey.map { [$0] } ?? keys.keys.sorted()
        for name in names {
            guard let value = keys[name] else { continue }
            mix(name.utf8)
            mix(value.typeDescriptor.utf8)
            switch value {
            case .s(let text), .n(let text): mix(text.utf8)
            case .b(let data): mix(data)
            default: break  // key attributes are S, N or B
            }
        }
        return hash
    }
}
