import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// GetShardIterator on one shard: TRIM_HORIZON (its oldest retained record), LATEST (after its newest record; a
    /// closed shard's end), AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER (a sequence number in the shard's range).
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException (stream or shard), ValidationException (a sequence number
    ///   that is not one of the shard's), TrimmedDataAccessException (a sequence number older than the 24-hour
    ///   retention).
    public func getShardIterator(_ input: GetShardIteratorInput) async throws(DynamoDBError) -> GetShardIteratorOutput {
        let now = configuration.now()
        let horizon = now.addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let after = try await read { db -> Int64 in
            let (stream, shard) = try Self.load(db, streamARN: input.streamArn, shardID: input.shardId)
            let oldest = try Self.oldestRetained(db, stream: stream.arn, shard: shard, horizon: horizon)
            switch input.shardIteratorType {
            case .trimHorizon:
                if let oldest { return oldest - 1 }
                return try Self.latestSequence(db, stream, shard: shard)
            case .latest:
                return try Self.latestSequence(db, stream, shard: shard)
            case .atSequenceNumber, .afterSequenceNumber:
                let text = input.sequenceNumber ?? ""
                guard let counter = StreamSequence.counter(text) else {
                    throw DynamoDBError.validation(
                        "Invalid SequenceNumber: \"\(text)\" is not a sequence number of this stream")
                }
                guard shard.contains(counter) else {
                    throw DynamoDBError.validation(
                        "Invalid SequenceNumber: \"\(text)\" is not in the range of shard \(shard.id)")
                }
                if let oldest, counter < oldest {
                    throw DynamoDBError(
                        .trimmedDataAccess, "Attempted to access data beyond the trim horizon: SequenceNumber \(text)")
                }
                return input.shardIteratorType == .atSequenceNumber ? counter - 1 : counter
            }
        }
        return GetShardIteratorOutput(
            shardIterator: ShardIterator(
                streamARN: input.streamArn, shardID: input.shardId, after: after, issued: now
            ).text)
    }

    /// GetRecords: up to Limit (≤ 1000) records of the iterator's shard and 1 MB after its position, and the next
    /// iterator (none once a closed shard is read to its end). Records carry no `eventSourceARN`, as on AWS.
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
            arn: iterator.streamARN, shardID: iterator.shardID, after: iterator.after, limit: limit, now: now,
            includeARN: false)
        let drained = closed.map { position >= $0 } ?? false
        return GetRecordsOutput(
            records: records,
            nextShardIterator: drained
                ? nil
                : ShardIterator(streamARN: iterator.streamARN, shardID: iterator.shardID, after: position, issued: now)
                    .text)
    }

    /// Reads records of a stream — of one shard, or of every shard with `shardID` nil — after a sequence number
    /// (nil: from the trim horizon), with `eventSourceARN` set as in Lambda events, for in-process consumers such as
    /// event source mappings.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    public func readRecords(streamArn: String, shardID: String? = nil, after sequenceNumber: String?, limit: Int = 1000)
        async throws(DynamoDBError) -> [StreamRecord]
    {
        let after = try Self.counter(sequenceNumber)
        return try await readStream(
            arn: streamArn, shardID: shardID, after: after, limit: limit, now: configuration.now(), includeARN: true
        )
        .records
    }

    /// Suspends until the stream (or its shard `shardID`) holds a record after `sequenceNumber` (nil: any record) —
    /// returning at once if it already does or it is closed — or until the task is cancelled. No polling: the writing
    /// (or closing) transaction's commit resumes the waiter.
    ///
    /// - Returns: whether the stream or shard was already closed and read to its end (``isReadToEnd(streamArn:shardID:after:)``,
    ///   asked only when closed, so an open one costs one read per wait); a wait that a close ends returns false, and
    ///   the next call (after the caller has read what is left) returns true.
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException or ValidationException.
    @discardableResult
    public func waitForRecords(streamArn: String, shardID: String? = nil, after sequenceNumber: String?)
        async throws(DynamoDBError) -> Bool
    {
        var after = try Self.counter(sequenceNumber)
        let known: Int64
        do {
            (after, known) = try await read { [after] db in
                let (start, end) = try Self.bounds(db, streamARN: streamArn, shardID: shardID)
                // A shard's records follow its start: the stream's older records (its ancestors') do not count.
                if end != nil { return (max(after, start), Int64.max) }
                return (max(after, start), try Self.newestCounter(db, streamARN: streamArn))
            }
        } catch {
            // A cancelled waiter returns rather than failing.
            if Task.isCancelled { return false }
            throw error
        }
        if known == Int64.max, try await isReadToEnd(streamArn: streamArn, shardID: shardID, after: sequenceNumber) {
            return true
        }
        await waiters.wait(arn: streamArn, after: after, known: known)
        return false
    }

    /// The records after counter `after` (of shard `shardID`, or of the whole stream), the position reached, and the
    /// shard's (or stream's) end if it is closed.
    func readStream(arn: String, shardID: String?, after: Int64, limit: Int, now: Date, includeARN: Bool)
        async throws(DynamoDBError) -> (records: [StreamRecord], position: Int64, closed: Int64?)
    {
        let horizon = now.addingTimeInterval(-Self.streamRetention).timeIntervalSince1970
        let region = configuration.region
        return try await read { db in
            let (start, end) = try Self.bounds(db, streamARN: arn, shardID: shardID)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, record FROM stream_records
                    WHERE stream_arn = ? AND seq > ? AND seq <= ? AND created >= ? ORDER BY seq LIMIT ?
                    """, arguments: [arn, max(after, start), end ?? Int64.max, horizon, limit])
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
            if records.isEmpty, let end { position = max(position, end) }
            return (records, position, end)
        }
    }

    /// The stream and its shard `shardID`.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException for either missing.
    static func load(_ db: Database, streamARN: String, shardID: String) throws -> (StoredStream, StoredShard) {
        guard let stream = try StreamCatalog.load(db, arn: streamARN) else {
            throw DynamoDBError.streamNotFound(streamARN)
        }
        guard let shard = try StreamShardCatalog.load(db, streamARN: streamARN, shardID: shardID) else {
            throw DynamoDBError(.resourceNotFound, "Requested resource not found: Shard: \(shardID) does not exist")
        }
        return (stream, shard)
    }

    /// The counters bounding a read: after which it starts and where it ends once closed, of shard `shardID` or (nil)
    /// of the whole stream.
    static func bounds(_ db: Database, streamARN: String, shardID: String?) throws -> (start: Int64, end: Int64?) {
        if let shardID {
            let (_, shard) = try load(db, streamARN: streamARN, shardID: shardID)
            return (shard.startAfter, shard.end)
        }
        guard let stream = try StreamCatalog.load(db, arn: streamARN) else {
            throw DynamoDBError.streamNotFound(streamARN)
        }
        return (0, stream.closedSequence)
    }

    /// The newest sequence counter of a stream (0 when it has none), or of `shard`: its end once closed, else the
    /// stream's newest (at least the counter the shard starts after).
    static func latestSequence(_ db: Database, _ stream: StoredStream, shard: StoredShard? = nil) throws -> Int64 {
        if let end = shard?.end { return end }
        return max(try newestCounter(db, streamARN: stream.arn), shard?.startAfter ?? 0)
    }

    /// The newest sequence counter written to a stream (0 when it has none).
    static func newestCounter(_ db: Database, streamARN: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM stream_records WHERE stream_arn = ?", arguments: [streamARN])
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
