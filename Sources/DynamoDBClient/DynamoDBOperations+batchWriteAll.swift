import DynamoDBTypes

extension DynamoDBOperations {
    /// Writes every request of `input`, in BatchWriteItem calls of at most 25, resending `UnprocessedItems` after a
    /// backoff until none are left or `retry.maximumAttempts` calls per batch were made.
    ///
    /// - Returns: the consumed capacity of every call, and in `unprocessedItems` the requests still unwritten when
    ///   the attempts ran out (nil when everything was written).
    /// - Throws: the first error a BatchWriteItem call throws (the client has already retried it).
    public func batchWriteAll(
        _ input: BatchWriteItemInput,
        retry: RetryPolicy = RetryPolicy(maximumAttempts: 8, baseDelay: .milliseconds(50), maximumDelay: .seconds(5)),
        sleep: @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        jitter: @Sendable () -> Double = { Double.random(in: 0...1) }
    ) async throws(DynamoDBClientError) -> BatchWriteItemOutput {
        let requests = input.requestItems.sorted { $0.key < $1.key }.flatMap { table, writes in
            writes.map { (table, $0) }
        }
        var consumed: [ConsumedCapacity] = []
        var leftover: [String: [WriteRequest]] = [:]
        var start = 0
        while start < requests.count {
            let chunk = requests[start..<min(start + Self.batchWriteLimit, requests.count)]
            start += Self.batchWriteLimit
            var pending = Dictionary(grouping: chunk, by: \.0).mapValues { $0.map(\.1) }
            var attempt = 1
            while !pending.isEmpty {
                let output = try await batchWriteItem(
                    BatchWriteItemInput(requestItems: pending, returnConsumedCapacity: input.returnConsumedCapacity))
                consumed += output.consumedCapacity ?? []
                pending = (output.unprocessedItems ?? [:]).filter { !$0.value.isEmpty }
                guard !pending.isEmpty else { break }
                guard attempt < max(1, retry.maximumAttempts) else {
                    leftover.merge(pending) { $0 + $1 }
                    break
                }
                await sleep(retry.delayCeiling(afterAttempt: attempt) * min(1, max(0, jitter())))
                attempt += 1
            }
        }
        return BatchWriteItemOutput(
            unprocessedItems: leftover.isEmpty ? nil : leftover, consumedCapacity: consumed.isEmpty ? nil : consumed)
    }

    /// The most write requests one BatchWriteItem call takes.
    static var batchWriteLimit: Int { 25 }
}
