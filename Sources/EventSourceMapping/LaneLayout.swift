import DynamoDBTypes

/// Identifies the lanes of one mapping on one shard of one stream.
public struct ShardKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The mapping's UUID.
    public var mappingUUID: String
    /// The stream read.
    public var streamARN: String
    /// The shard read.
    public var shardID: String

    /// A key from its parts.
    public init(mappingUUID: String, streamARN: String, shardID: String) {
        self.mappingUUID = mappingUUID
        self.streamARN = streamARN
        self.shardID = shardID
    }

    /// The key of lane `lane` of this shard.
    public func lane(_ lane: Int) -> LaneKey {
        LaneKey(mappingUUID: mappingUUID, streamARN: streamARN, shardID: shardID, lane: lane)
    }

    public var description: String { "\(mappingUUID) \(shardID)" }
}

/// How a mapping's lanes were split on a shard when their checkpoints were saved, stored with the checkpoints so
/// a changed `ParallelizationFactor` carries on from the old positions instead of `StartingPosition`.
public struct LaneLayout: Sendable, Hashable, Codable {
    /// The `ParallelizationFactor` the lanes ran with.
    public var laneCount: Int
    /// The `BatchSize` they ran with (kept for the record: a change of it keeps every lane's position).
    public var batchSize: Int
    /// Earlier layouts whose lanes got further than the current lanes' starting point, newest first: what they
    /// finished is not delivered again.
    public var earlier: [EarlierLanes]

    /// A layout of `laneCount` lanes reading batches of `batchSize`, after the `earlier` ones.
    public init(laneCount: Int, batchSize: Int, earlier: [EarlierLanes] = []) {
        self.laneCount = laneCount
        self.batchSize = batchSize
        self.earlier = earlier
    }

    /// Whether some earlier layout's lanes already finished `record` (at `sequenceNumber`).
    public func alreadyDone(_ record: StreamRecord, at sequenceNumber: SequenceNumber, partitionKey: String?) -> Bool {
        earlier.contains { $0.finished(record, at: sequenceNumber, partitionKey: partitionKey) }
    }
}

/// The positions the lanes of a replaced layout had reached.
public struct EarlierLanes: Sendable, Hashable, Codable {
    /// How many lanes it had.
    public var laneCount: Int
    /// Each lane's checkpoint (`nil`: it had finished nothing).
    public var positions: [SequenceNumber?]

    /// The lanes of a replaced layout and their positions, by lane number.
    public init(laneCount: Int, positions: [SequenceNumber?]) {
        self.laneCount = laneCount
        self.positions = positions
    }

    /// Whether the lane that owned `record` in this layout had finished it.
    func finished(_ record: StreamRecord, at sequenceNumber: SequenceNumber, partitionKey: String?) -> Bool {
        let lane =
            laneCount > 1 ? Int(LaneSelector.hash(of: record, partitionKey: partitionKey) % UInt64(laneCount)) : 0
        guard lane < positions.count, let position = positions[lane] else { return false }
        return sequenceNumber <= position
    }

    /// The furthest position any of its lanes reached.
    var furthest: SequenceNumber? { positions.compactMap { $0 }.max() }
}
