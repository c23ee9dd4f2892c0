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

/// Durable storage of lane checkpoints and the lane layout they were saved under. Saves return only once they
/// would survive a crash.
public protocol CheckpointStore: Sendable {
    /// The lane's checkpoint, `nil` if it never ran.
    func checkpoint(for lane: LaneKey) async throws -> Checkpoint?
    /// Stores the lane's checkpoint durably.
    func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws
    /// Every stored lane checkpoint of `shard`, by lane number.
    func checkpoints(of shard: ShardKey) async throws -> [Int: Checkpoint]
    /// The layout `shard`'s lanes last ran with, `nil` if none was stored.
    func layout(of shard: ShardKey) async throws -> LaneLayout?
    /// Stores `layout` and the lanes' new `checkpoints` in one step, dropping the checkpoints of lanes the layout
    /// no longer has.
    func save(_ layout: LaneLayout, checkpoints: [Int: Checkpoint], of shard: ShardKey) async throws
}
