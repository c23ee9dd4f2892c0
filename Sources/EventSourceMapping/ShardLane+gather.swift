import DynamoDBTypes

extension ShardLane {
    /// The next records after `position`: up to `BatchSize`, gathered for up to the batching window once the first
    /// one is there. Waits (without polling) while there are none, unless `waiting` is false; `nil` when cancelled
    /// or, not waiting, when nothing is left.
    func gather(after position: SequenceNumber?, waiting: Bool) async throws -> [StreamRecord]? {
        let source = environment.source
        while !Task.isCancelled {
            var records = try await source.records(after: position, limit: settings.batchSize)
            if records.isEmpty {
                guard waiting else { return nil }
                try await source.waitForRecords(after: position)
                continue
            }
            if settings.maximumBatchingWindow > .zero, waiting {
                let deadline = ContinuousClock.now + settings.maximumBatchingWindow
                while records.count < settings.batchSize, let last = records.last {
                    let lastNumber = try SequenceNumber(last.dynamodb.sequenceNumber)
                    guard try await Self.wait(until: deadline, for: { try await source.waitForRecords(after: lastNumber) })
                    else { break }
                    records += try await source.records(after: lastNumber, limit: settings.batchSize - records.count)
                }
            }
            return records
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
