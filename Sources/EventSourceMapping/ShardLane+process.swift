import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ShardLane {
    /// Records of a batch still to be resolved, with what happened to them so far.
    struct PendingBatch {
        var records: [EncodedRecord]
        /// Retries spent (bisecting does not spend any).
        var retries = 0
        /// Invocations that included exactly these records' batch so far.
        var invocations = 0
        /// Invocations not made because the function could not be reached.
        var notInvoked = 0
        /// What the last invocation answered, for the on-failure record.
        var lastResponse = OnFailureRecord.ResponseContext(statusCode: nil, executedVersion: nil, functionError: nil)
        var lastRequestID: String?
    }

    /// How an invocation went, in the ESM's terms.
    enum Verdict {
        case succeeded
        case partial(from: Int)
        case failed(BatchReport.Result)
    }

    /// Invokes `batch` until every record is done: succeeded, or discarded after its retries or its age ran out.
    /// The checkpoint advances as each leading part is done. With a tumbling window, one window at a time.
    func process(_ batch: [EncodedRecord]) async throws {
        if settings.tumblingWindowInSeconds > 0 {
            try await processInWindows(batch)
        } else {
            try await process(batch, window: nil)
        }
    }

    /// Invokes `batch` (of one window when `window` is given, carrying its state) until every record is done.
    func process(_ batch: [EncodedRecord], window: TumblingWindowState?) async throws {
        var window = window
        var queue = [PendingBatch(records: batch)]
        while !queue.isEmpty {
            try Task.checkCancellation()
            var current = queue[0]
            current.records = try await discardExpired(current)
            guard !current.records.isEmpty else {
                queue.removeFirst()
                continue
            }
            // A record whose event alone is over the payload limit can never be invoked (batches are cut to the
            // limit, so it is alone): it goes to the failure destination at once, not to the function.
            let payloadSize = EncodedRecord.payloadSize(current.records)
            if current.records.count == 1, payloadSize > MappingSettings.maximumPayloadBytes {
                report(current.records, attempt: 1, .tooLarge(bytes: payloadSize), duration: nil)
                try await discard(current, condition: .retryAttemptsExhausted)
                queue.removeFirst()
                continue
            }
            let started = ContinuousClock.now
            let payload =
                window.map {
                    TumblingWindowEvent(
                        records: current.records, window: $0, shardID: environment.source.shardID,
                        streamARN: environment.source.streamARN
                    ).payload
                } ?? EncodedRecord.payload(current.records)
            let outcome = await environment.invoker.invoke(payload: payload)
            let duration = ContinuousClock.now - started
            let attempt = current.invocations + current.notInvoked + 1
            var verdict: Verdict
            var returnedState: [UInt8]?
            switch outcome {
            case .notInvoked(let reason, let statusCode):
                current.notInvoked += 1
                current.lastResponse = .init(statusCode: statusCode, executedVersion: nil, functionError: nil)
                report(current.records, attempt: attempt, .notInvoked(reason), duration: duration)
                queue[0] = current
                try await Task.sleep(for: environment.retryPolicy.delay(beforeAttempt: current.notInvoked))
                continue
            case .completed(let requestID, let payload, let functionError):
                current.invocations += 1
                current.lastRequestID = requestID
                current.lastResponse = .init(statusCode: 200, executedVersion: "$LATEST", functionError: functionError)
                verdict = judge(payload: payload, functionError: functionError, batch: current.records)
                if window != nil, functionError == nil {
                    switch TumblingWindowResponse(payload: payload) {
                    case .state(let state): returnedState = state
                    case .invalid(let why): verdict = .failed(.invalidResponse(why))
                    }
                }
            }
            record {
                $0.invocations += 1
                if current.invocations > 1 { $0.retries += 1 }
            }
            switch verdict {
            case .succeeded:
                report(current.records, attempt: attempt, .succeeded, duration: duration)
                record {
                    $0.recordsSucceeded += current.records.count
                    $0.lastProcessingResult = LaneStatistics.ok
                    $0.lastBatchAt = environment.now()
                }
                queue.removeFirst()
                if let returnedState, let open = window { window = try await keep(state: returnedState, of: open) }
                try await save(.after(current.records[current.records.count - 1].sequenceNumber))
            case .partial(let index):
                let remaining = Array(current.records[index...])
                report(
                    current.records, attempt: attempt,
                    .partialFailure(retryFrom: remaining[0].record.dynamodb.sequenceNumber, remaining: remaining.count),
                    duration: duration)
                noteProblem(succeeded: index)
                if let returnedState, let open = window { window = try await keep(state: returnedState, of: open) }
                if index > 0 { try await save(.after(current.records[index - 1].sequenceNumber)) }
                current.records = remaining
                try await retryOrDiscard(&queue, current)
            case .failed(let result):
                report(current.records, attempt: attempt, result, duration: duration)
                noteProblem(succeeded: 0)
                if settings.bisectBatchOnFunctionError, current.records.count > 1 {
                    let middle = current.records.count / 2
                    var first = current
                    first.records = Array(current.records[..<middle])
                    var second = current
                    second.records = Array(current.records[middle...])
                    queue.replaceSubrange(0...0, with: [first, second])
                } else {
                    try await retryOrDiscard(&queue, current)
                }
            }
        }
    }

    /// Classifies an invocation's answer (the response is read only with ReportBatchItemFailures).
    func judge(payload: [UInt8], functionError: String?, batch: [EncodedRecord]) -> Verdict {
        if let functionError { return .failed(.functionError(functionError)) }
        guard settings.reportBatchItemFailures else { return .succeeded }
        switch BatchResponse(payload: payload, batch: batch.map(\.record)) {
        case .success: return .succeeded
        case .invalid(let why): return .failed(.invalidResponse(why))
        case .partialFailure(let lowest):
            let index = batch.firstIndex { $0.sequenceNumber == lowest } ?? 0
            return .partial(from: index)
        }
    }

    /// Puts `current` back for another attempt after the retry delay, or discards it when its retries are spent.
    func retryOrDiscard(_ queue: inout [PendingBatch], _ current: PendingBatch) async throws {
        var current = current
        guard settings.mayRetry(afterRetries: current.retries) else {
            try await discard(current, condition: .retryAttemptsExhausted)
            queue.removeFirst()
            return
        }
        current.retries += 1
        queue[0] = current
        try await Task.sleep(for: environment.retryPolicy.delay(beforeAttempt: current.retries))
    }

    /// Discards the leading records of `pending` that are older than the age limit; returns the rest.
    func discardExpired(_ pending: PendingBatch) async throws -> [EncodedRecord] {
        guard environment.enforcesRecordAge else { return pending.records }
        let limit = Double(settings.effectiveMaximumRecordAge)
        let now = environment.now()
        let expiredCount = pending.records.prefix { encoded in
            guard let created = encoded.record.dynamodb.approximateCreationDateTime else { return false }
            return now.timeIntervalSince(created) > limit
        }.count
        guard expiredCount > 0 else { return pending.records }
        var expired = pending
        expired.records = Array(pending.records[..<expiredCount])
        try await discard(expired, condition: .recordAgeExceeded)
        return Array(pending.records[expiredCount...])
    }

    /// Sends `pending`'s records to the failure destination, then moves the checkpoint past them.
    func discard(_ pending: PendingBatch, condition: OnFailureRecord.Condition) async throws {
        let records = pending.records.map(\.record)
        let failure = OnFailureRecord(
            requestContext: .init(
                requestId: pending.lastRequestID ?? UUID().uuidString.lowercased(), functionArn: identity.functionARN,
                condition: condition, approximateInvokeCount: pending.invocations),
            responseContext: pending.lastResponse, discardedAt: environment.now(),
            batchInfo: .init(
                records: records, shardID: environment.source.shardID, streamARN: environment.source.streamARN),
            payload: DynamoDBStreamEvent(records: records))
        try await environment.destination?.deliver(failure)
        report(
            pending.records, attempt: pending.invocations,
            .discarded(condition, destination: environment.destination?.name), duration: nil)
        record {
            $0.recordsDiscarded += records.count
            $0.lastProcessingResult = LaneStatistics.functionCallFailed
            $0.lastBatchAt = environment.now()
        }
        try await save(.after(pending.records[pending.records.count - 1].sequenceNumber))
    }

    func noteProblem(succeeded: Int) {
        record {
            $0.recordsSucceeded += succeeded
            $0.lastProcessingResult = LaneStatistics.functionCallFailed
            $0.lastBatchAt = environment.now()
        }
    }

    func report(_ records: [EncodedRecord], attempt: Int, _ result: BatchReport.Result, duration: Duration?) {
        environment.observe(
            BatchReport(
                mapping: identity.name, lane: selector.lane, laneCount: selector.laneCount, size: records.count,
                firstSequenceNumber: records[0].record.dynamodb.sequenceNumber,
                lastSequenceNumber: records[records.count - 1].record.dynamodb.sequenceNumber,
                attempt: max(attempt, 1), result: result, duration: duration))
    }
}
