/// Thrown by a ``StreamRecordSource`` asked to wait past the last record of a closed shard (it rolled over, or its
/// table was deleted or its stream disabled), so nothing more will come to it; by ``LineageMapping`` once its whole
/// stream ended.
public struct ShardEnded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stream the shard belongs to.
    public var streamARN: String
    /// The closed shard.
    public var shardID: String

    /// The end of `shardID` of `streamARN`.
    public init(streamARN: String, shardID: String) {
        self.streamARN = streamARN
        self.shardID = shardID
    }

    public var description: String {
        "the stream \(streamARN) ended (shard \(shardID) is closed and read to its end)"
    }
}
