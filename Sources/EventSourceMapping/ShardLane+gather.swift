import DynamoDBTypes

extension ShardLane {
    /// The next batch after `position`: up to `BatchSize` of this lane's records that pass the filter, within
    /// 6 MB, gathered for up to the batching window once the first is there; and the sequence number the
    /// checkpoint may move to once the batch is done (past filtered and other lanes' records too, and past records
    /// the lanes of the earlier `layout` finished).
    ///
    /// Waits without polling while the shard has nothing new, unless `waiting` is false. Returns `nil` when
    /// cancelled or, not waiting, when nothing is left; an empty batch when only skipped records were read.
    func nextBatch(after position: SequenceNumber?, waiting: Bool, skipping layout: LaneLayout? = nil) async throws -> (
        batch: [EncodedRecord], consumed: SequenceNumber?
    )? {
        let source = environment.source
        var batch: [EncodedRecord] = []
        var size = EncodedRecord.payloadSize(batch)
        var consumed = position
        var filtered = 0
        var windowEnd: ContinuousClock.Instant?
        defer { record { [filtered] in $0.recordsFiltered += filtered } }
        while !Task.isCancelled {
            let read = try await source.records(after: consumed, limit: settings.batchSize)
            if read.isEmpty {
                if !batch.isEmpty {
                    guard waiting, let end = windowEnd, ContinuousClock.now < end else { return (batch, consumed) }
                    let after = consumed
                    do {
                        _ = try await Self.wait(until: end) { try await source.waitForRecords(after: after) }
                    } catch is ShardEnded {
                        return (batch, consumed)  // the batch in hand is delivered; the next wait throws
                    }
                    continue
                }
                if consumed != position { return ([], consumed) }
                guard waiting else { return nil }
                try await source.waitForRecords(after: consumed)
                continue
            }
            for record in read {
                let sequenceNumber = try SequenceNumber(record.dynamodb.sequenceNumber)
                guard selector.owns(record) else {
                    consumed = sequenceNumber
                    continue
                }
                if let layout, layout.alreadyDone(record, at: sequenceNumber, partitionKey: selector.partitionKey) {
                    consumed = sequenceNumber
                    continue
                }
                if let filter = settings.filter, !filter.matches(record) {
                    filtered += 1
                    consumed = sequenceNumber
                    continue
                }
                let encoded = try EncodedRecord(record, streamARN: source.streamARN)
                let added = encoded.json.count + (batch.isEmpty ? 0 : 1)
                if !batch.isEmpty, size + added > MappingSettings.maximumPayloadBytes { return (batch, consumed) }
                batch.append(encoded)
                size += added
                consumed = sequenceNumber
                if batch.count == settings.batchSize { return (batch, consumed) }
            }
            if batch.isEmpty { return ([], consumed) }
            // More of this lane's records may follow at once (a full read), or within the batching window.
            if read.count == settings.batchSize { continue }
            guard waiting, settings.maximumBatchingWindow > .zero else { return (batch, consumed) }
            windowEnd = windowEnd ?? ContinuousClock.now + settings.maximumBatchingWindow
        }
        return nil
    }

    /// Runs `wait` until it returns (true) or `deadline` passes (false, `wait` cancelled).
    static func wait(
        until deadline: ContinuousClock.Instant, for wait: @escaping @Sendable () async throws -> Void
    ) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await wait()
                return true
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
