import DynamoDBTypes
import EventSourceMapping

/// A stream whose shards come from DescribeStream, following `LastEvaluatedShardId` until every page is read: the
/// embedded store's (called in process) or a remote Streams endpoint's.
struct DescribedStream: ShardedStream {
    let streamARN: String
    /// One DescribeStream call.
    let describe: @Sendable (DescribeStreamInput) async throws -> DescribeStreamOutput
    /// The reader of a shard.
    let reader: @Sendable (String) -> any StreamRecordSource
    /// How long to wait before describing the stream again when no shard is ready.
    let pollInterval: Duration

    func shards() async throws -> StreamShards {
        var shards: [ShardInfo] = []
        var status: StreamStatus?
        var start: String?
        repeat {
            let page = try await describe(DescribeStreamInput(streamArn: streamARN, exclusiveStartShardId: start))
                .streamDescription
            status = page?.streamStatus
            for shard in page?.shards ?? [] {
                guard let id = shard.shardId else { continue }
                shards.append(
                    ShardInfo(
                        id: id, parentID: shard.parentShardId,
                        isClosed: shard.sequenceNumberRange?.endingSequenceNumber != nil))
            }
            // A page that names the shard it started after (or none) would loop forever.
            let next = page?.lastEvaluatedShardId
            start = next == start || page?.shards?.isEmpty != false ? nil : next
        } while start != nil
        let disabled = status == .disabled || status == .disabling
        return StreamShards(shards: shards, ended: disabled && shards.allSatisfy(\.isClosed))
    }

    func source(shardID: String) -> any StreamRecordSource { reader(shardID) }

    func waitForShards() async throws { try await Task.sleep(for: pollInterval) }
}
