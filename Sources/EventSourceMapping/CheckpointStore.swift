import DynamoDBTypes

/// Identifies one lane's cursor: a mapping reading one shard of one stream, split `parallelizationFactor` ways.
public struct LaneKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The mapping's UUID.
    public var mappingUUID: String
    /// The stream read.
    public var streamARN: String
    /// The shard read.
    public var shardID: String
    /// Which of the `ParallelizationFactor` lanes (0-based).
    public var lane: Int

    /// A key from its parts.
    public init(mappingUUID: String, streamARN: String, shardID: String, lane: Int) {
        self.mappingUUID = mappingUUID
        self.streamARN = streamARN
        self.shardID = shardID
        self.lane = lane
    }

    public var description: String { "\(mappingUUID) \(shardID) lane \(lane)" }
}

/// Where a lane stands: after which record it resumes.
public enum Checkpoint: Sendable, Hashable {
    /// Nothing processed yet and the lane starts at the shard's oldest record.
    case beginning
    /// Every record up to and including this sequence number is done (delivered, filtered or discarded).
    case after(SequenceNumber)

    /// The sequence number to read after (`nil` for ``beginning``).
    public var position: SequenceNumber? {
        if case .after(let sequenceNumber) = self { return sequenceNumber }
        return nil
    }
}

/// Durable storage of lane checkpoints. `save` returns only once the checkpoint would survive a crash.
public protocol CheckpointStore: Sendable {
    /// The lane's checkpoint, `nil` if it never ran.
    func checkpoint(for lane: LaneKey) async throws -> Checkpoint?
    /// Stores the lane's checkpoint durably.
    func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws
}
