import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// How long stream records stay readable.
    static let streamRetention: TimeInterval = 24 * 60 * 60

    /// ListStreams: the streams (all, or one table's) in ARN order, paged by Limit/ExclusiveStartStreamArn.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for a TableName that does not exist.
    public func listStreams(_ input: ListStreamsInput) async throws(DynamoDBError) -> ListStreamsOutput {
        let limit = input.limit ?? 100
        try Self.validateLimit(limit)
        let streams = try await read { db in
            if let tableName = input.tableName,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM tables WHERE name = ?", arguments: [tableName]) != true
            {
                throw DynamoDBError(.resourceNotFound, "Requested resource not found: Table: \(tableName) not found")
            }
            return try StreamCatalog.list(
                db, tableName: input.tableName, after: input.exclusiveStartStreamArn, limit: limit + 1)
        }
        let page = streams.prefix(limit)
        return ListStreamsOutput(
            streams: page.map { StreamSummary(streamArn: $0.arn, tableName: $0.tableName, streamLabel: $0.label) },
            lastEvaluatedStreamArn: streams.count > limit ? page.last?.arn : nil)
    }

    /// DescribeStream: status, view type, key schema and the stream's shards oldest first, each with its parent and
    /// sequence number range (an `EndingSequenceNumber` once closed), paged by `Limit` (1–100, default 100) and
    /// `ExclusiveStartShardId`, with `LastEvaluatedShardId` when more follow.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream, ValidationException for a
    ///   `Limit` outside 1–100.
    public func describeStream(_ input: DescribeStreamInput) async throws(DynamoDBError) -> DescribeStreamOutput {
        let limit = input.limit ?? 100
        guard (1...100).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        let horizon = configuration.now().addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let (stream, enabled, page, more) = try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: input.streamArn) else {
                throw DynamoDBError.streamNotFound(input.streamArn)
            }
            let latest = try String.fetchOne(
                db, sql: "SELECT json_extract(description, '$.LatestStreamArn') FROM tables WHERE name = ?",
                arguments: [stream.tableName])
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM stream_records") ?? 0) + 1
            let listed = try StreamShardCatalog.list(
                db, streamARN: stream.arn, after: input.exclusiveStartShardId, limit: limit + 1)
            let page = try listed.prefix(limit).map { shard in
                let first = try Self.oldestRetained(db, stream: stream.arn, shard: shard, horizon: horizon)
                // An empty shard starts where its next record would: the next counter while open, after its start
                // once closed.
                let starting = first ?? (shard.end == nil ? next : shard.startAfter + 1)
                return ShardDescription(
                    shardId: shard.id,
                    sequenceNumberRange: SequenceNumberRange(
                        startingSequenceNumber: StreamSequence.number(starting).description,
                        endingSequenceNumber: shard.end.map { StreamSequence.number($0).description }),
                    parentShardId: shard.parentID)
            }
            return (stream, latest == stream.arn && stream.closedSequence == nil, page, listed.count > limit)
        }
        return DescribeStreamOutput(
            streamDescription: StreamDescription(
                streamArn: stream.arn, streamLabel: stream.label, streamStatus: enabled ? .enabled : .disabled,
                streamViewType: stream.viewType, creationRequestDateTime: stream.created.timeIntervalSince1970,
                tableName: stream.tableName, keySchema: stream.keySchema, shards: page,
                lastEvaluatedShardId: more ? page.last?.shardId : nil))
    }

    /// The counter of the oldest record of `shard` still retained (written at or after `horizon`), nil when none is.
    static func oldestRetained(_ db: Database, stream: String, shard: StoredShard, horizon: Double) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT MIN(seq) FROM stream_records WHERE stream_arn = ? AND seq > ? AND seq <= ? AND created >= ?
                """, arguments: [stream, shard.startAfter, shard.end ?? Int64.max, horizon])
    }

}
