/// A stream whose shards a mapping follows through their lineage: the embedded store's, or a remote Streams API's.
public protocol ShardedStream: Sendable {
    /// The stream's ARN.
    var streamARN: String { get }

    /// The stream's shards, oldest first, and whether the stream has ended.
    func shards() async throws -> StreamShards
    /// The reader of shard `shardID`.
    func source(shardID: String) -> any StreamRecordSource
    /// Waits before the shards are asked for again when none is ready to read (a remote stream's child shard may
    /// appear a while after its parent closed), or until the task is cancelled.
    func waitForShards() async throws
}

/// A stream's shards and whether it has ended.
public struct StreamShards: Sendable, Hashable {
    /// Oldest first.
    public var shards: [ShardInfo]
    /// Whether the stream is disabled (or its table deleted) with every shard closed: no shard will follow.
    public var ended: Bool

    /// Shards and the stream's end.
    public init(shards: [ShardInfo], ended: Bool) {
        self.shards = shards
        self.ended = ended
    }
}

/// Durable record of the shards a mapping has finished (read to their end, every lane checkpointed there), so a
/// restart neither reads a finished parent again nor skips a child.
public protocol ShardProgressStore: Sendable {
    /// The shards of `streamARN` that mapping `mappingUUID` finished.
    func finishedShards(mappingUUID: String, streamARN: String) async throws -> Set<String>
    /// The shards of `streamARN` where mapping `mappingUUID` holds a lane checkpoint.
    func startedShards(mappingUUID: String, streamARN: String) async throws -> Set<String>
    /// Records durably that the mapping finished `shard`.
    func markFinished(_ shard: ShardKey) async throws
}
