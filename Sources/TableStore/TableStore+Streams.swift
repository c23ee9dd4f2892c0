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

    /// DescribeStream: status, view type, key schema and the stream's one shard.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for an unknown stream.
    public func describeStream(_ input: DescribeStreamInput) async throws(DynamoDBError) -> DescribeStreamOutput {
        let horizon = configuration.now().addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let (stream, enabled, first, nextSequence) = try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: input.streamArn) else {
                throw DynamoDBError.streamNotFound(input.streamArn)
            }
            let latest = try String.fetchOne(
                db, sql: "SELECT json_extract(description, '$.LatestStreamArn') FROM tables WHERE name = ?",
                arguments: [stream.tableName])
            let first = try Int64.fetchOne(
                db, sql: "SELECT MIN(seq) FROM stream_records WHERE stream_arn = ? AND created >= ?",
                arguments: [stream.arn, horizon])
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM stream_records") ?? 0) + 1
            return (stream, latest == stream.arn && stream.closedSequence == nil, first, next)
        }
        let range = SequenceNumberRange(
            startingSequenceNumber: StreamSequence.number(first ?? nextSequence).description,
            endingSequenceNumber: stream.closedSequence.map { StreamSequence.number($0).description })
        return DescribeStreamOutput(
            streamDescription: StreamDescription(
                streamArn: stream.arn, streamLabel: stream.label, streamStatus: enabled ? .enabled : .disabled,
                streamViewType: stream.viewType, creationRequestDateTime: stream.created.timeIntervalSince1970,
                tableName: stream.tableName, keySchema: stream.keySchema,
                shards: [ShardDescription(shardId: stream.shardID, sequenceNumberRange: range)]))
    }

    /// GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException (stream or shard), ValidationException (sequence
    ///   number), TrimmedDataAccessException (a sequence number older than the 24-hour retention).
    public func getShardIterator(_ input: GetShardIteratorInput) async throws(DynamoDBError) -> GetShardIteratorOutput {
        let now = configuration.now()
        let horizon = now.addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let after = try await read { db -> Int64 in
            guard let stream = try StreamCatalog.load(db, arn: input.streamArn) else {
                throw DynamoDBError.streamNotFound(input.streamArn)
            }
            guard stream.shardID == input.shardId else {
                throw DynamoDBError(.resourceNotFound, "Requested resource not found: Shard does not exist")
            }
            let oldest = try Int64.fetchOne(
                db, sql: "SELECT MIN(seq) FROM stream_records WHERE stream_arn = ? AND created >= ?",
                arguments: [stream.arn, horizon])
            switch input.shardIteratorType {
            case .trimHorizon:
                if let oldest { return oldest - 1 }
                return try Self.latestSequence(db, stream)
            case .latest:
                return try Self.latestSequence(db, stream)
            case .atSequenceNumber, .afterSequenceNumber:
                guard let text = input.sequenceNumber, let counter = StreamSequence.counter(text) else {
                    throw DynamoDBError.validation(
                        "Invalid SequenceNumber: \"\(input.sequenceNumber ?? "")\" is not a sequence number of this stream"
                    )
                }
                if let oldest, counter < oldest {
                    throw DynamoDBError(
                        .trimmedDataAccess, "Attempted to access data beyond the trim horizon: SequenceNumber \(text)")
                }
                return input.shardIteratorType == .atSequenceNumber ? counter - 1 : counter
            }
        }
        return GetShardIteratorOutput(
            shardIterator: ShardIterator(streamARN: input.streamArn, after: after, issued: now).text)
    }

    /// GetRecords: up to Limit (≤ 1000) records and 1 MB after the iterator's position, and the next
    /// iterator (none once a closed shard is drained). Records carry no `eventSourceARN`, as on AWS.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, ExpiredIteratorException, ResourceNotFoundException.
    public func getRecords(_ input: GetRecordsInput) async throws(DynamoDBError) -> GetRecordsOutput {
        let limit = input.limit ?? 1000
        guard (1...1000).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(limit < 1 ? "greater than or equal to 1" : "less than or equal to 1000")"
            )
        }
        let iterator = try ShardIterator(parsing: input.shardIterator)
        let now = configuration.now()
        if now.timeIntervalSince(iterator.issued) > ShardIterator.lifetime {
            throw DynamoDBError(
                .expiredIterator,
                "Iterator expired. The iterator was created at time \(iterator.issued.formatted(.iso8601)) while right now it is \(now.formatted(.iso8601)). The iterator is valid for 15 minutes."
            )
        }
        let (records, position, closed) = try await readStream(
            arn: iterator.streamARN, after: iterator.after, limit: limit, now: now, includeARN: false)
        let drained = closed.map { position >= $0 } ?? false
        return GetRecordsOutput(
            records: records,
            nextShardIterator: drained
                ? nil : ShardIterator(streamARN: iterator.streamARN, after: position, issued: now).text)
    }

    /// Reads records of a stream after a sequence number (nil: from the trim horizon), with
    /// `eventSourceARN` set as in Lambda events, for in-process consumers such as event source mappings.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    public func readRecords(streamArn: String, after sequenceNumber: String?, limit: Int = 1000)
        async throws(DynamoDBError) -> [StreamRecord]
    {
        let after = try Self.counter(sequenceNumber)
        return try await readStream(
            arn: streamArn, after: after, limit: limit, now: configuration.now(), includeARN: true
        )
        .records
    }

    /// Suspends until the stream holds a record after `sequenceNumber` (nil: any record) — returning at
    /// once if it already does or the stream is closed — or until the task is cancelled. No polling: the writing
    /// (or closing) transaction's commit resumes the waiter.
    ///
    /// - Returns: whether the stream was already closed and read to its end (``isReadToEnd(streamArn:after:)``,
    ///   asked only of a closed stream, so an open one costs one read per wait); a wait that a close ends returns
    ///   false, and the next call (after the caller has read what is left) returns true.
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    @discardableResult
    public func waitForRecords(streamArn: String, after sequenceNumber: String?) async throws(DynamoDBError) -> Bool {
        let after = try Self.counter(sequenceNumber)
        let known: Int64
        do {
            known = try await read { db in
                guard let stream = try StreamCatalog.load(db, arn: streamArn) else {
                    throw DynamoDBError.streamNotFound(streamArn)
                }
                if stream.closedSequence != nil { return Int64.max }
                return try Int64.fetchOne(
                    db, sql: "SELECT MAX(seq) FROM stream_records WHERE stream_arn = ?", arguments: [streamArn]) ?? 0
            }
        } catch {
            // A cancelled waiter returns rather than failing.
            if Task.isCancelled { return false }
            throw error
        }
        if known == Int64.max, try await isReadToEnd(streamArn: streamArn, after: sequenceNumber) { return true }
        await waiters.wait(arn: streamArn, after: after, known: known)
        return false
    }

    /// The records after counter `after`, the position reached, and the shard's end if it is closed.
    func readStream(arn: String, after: Int64, limit: Int, now: Date, includeARN: Bool) async throws(DynamoDBError)
        -> (records: [StreamRecord], position: Int64, closed: Int64?)
    {
        let horizon = now.addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let region = configuration.region
        return try await read { db in
            guard let stream = try StreamCatalog.load(db, arn: arn) else { throw DynamoDBError.streamNotFound(arn) }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, record FROM stream_records WHERE stream_arn = ? AND seq > ? AND created >= ?
                    ORDER BY seq LIMIT ?
                    """, arguments: [arn, after, horizon, limit])
            var records: [StreamRecord] = []
            var position = after
            var bytes = 0
            while let row = try rows.next() {
                let stored = try StoredStreamRecord(decoding: row["record"])
                position = row["seq"]
                let record = stored.record(sequence: position, region: region, streamARN: includeARN ? arn : nil)
                records.append(record)
                bytes += record.dynamodb.sizeBytes
                if bytes >= PageReader.pageBytes { break }
            }
            if records.isEmpty, let closed = stream.closedSequence { position = max(position, closed) }
            return (records, position, stream.closedSequence)
        }
    }

    /// The newest sequence counter of a stream (0 when it has none).
    static func latestSequence(_ db: Database, _ stream: StoredStream) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM stream_records WHERE stream_arn = ?", arguments: [stream.arn])
            ?? 0
    }

    /// The counter of a sequence number argument (nil: before everything).
    static func counter(_ sequenceNumber: String?) throws(DynamoDBError) -> Int64 {
        guard let sequenceNumber else { return 0 }
        guard let counter = StreamSequence.counter(sequenceNumber) else {
            throw .validation("Invalid SequenceNumber: \"\(sequenceNumber)\" is not a sequence number of this store")
        }
        return counter
    }
}
