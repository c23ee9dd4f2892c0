import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Tumbling windows on a lane (`TumblingWindowInSeconds` > 0), as Lambda runs them for DynamoDB streams:
///
/// - every record belongs to the epoch-aligned window containing its `ApproximateCreationDateTime`, and an
///   invocation never carries records of two windows;
/// - each invocation carries the state the previous invocation of the window returned (`{}` at first), and a
///   response without a `state` object fails the batch (retried, bisected and discarded like any failed batch,
///   the window's state unchanged); a partial failure keeps the returned state and retries from the failed record;
/// - once a window is over — a record of a later window is read, or its end passes while the lane waits — the
///   function gets a final invocation with no records and `isFinalInvokeForWindow: true`, retried until it
///   succeeds (the shard waits meanwhile); then the state is dropped;
/// - a returned state over 1 MB ends the window early: a final invocation with that state and
///   `isWindowTerminatedEarly: true`, after which the same window continues with a fresh `{}` state.
///
/// The open window is stored (``TumblingWindowStore``) before the checkpoint moves, so after a restart the window
/// continues with the last state; a batch in flight at a crash may be counted twice, never lost (at least once).
extension ShardLane {
    /// Processes `batch` one window at a time, closing the open window when a later one begins.
    func processInWindows(_ batch: [EncodedRecord]) async throws {
        let runs = TumblingWindow.runs(of: batch, length: settings.tumblingWindowInSeconds, now: environment.now())
        for (window, records) in runs {
            var open = try await environment.windows.openWindow(for: key)
            if let current = open, current.window != window {
                try await closeWindow(current, terminatedEarly: false)
                open = nil
            }
            try await process(records, window: open ?? TumblingWindowState(window: window))
        }
    }

    /// The next batch, closing the open window first when its end has passed and the shard has nothing more to
    /// read now. `.some(nil)` means a window was closed (or its end reached) and the caller should read again;
    /// `nil` means the lane stops, as ``nextBatch(after:waiting:)``'s `nil`.
    func nextBatchClosingWindows(
        after position: SequenceNumber?, waiting: Bool, skipping layout: LaneLayout? = nil
    ) async throws -> (
        (batch: [EncodedRecord], consumed: SequenceNumber?)?
    )? {
        // `nextBatch`'s nil (stop) must stay the outer nil, not become `.some(nil)` (read again).
        func read(waiting: Bool) async throws -> ((batch: [EncodedRecord], consumed: SequenceNumber?)?)? {
            guard let next = try await nextBatch(after: position, waiting: waiting, skipping: layout) else { return nil }
            return .some(next)
        }
        guard settings.tumblingWindowInSeconds > 0, let open = try await environment.windows.openWindow(for: key)
        else { return try await read(waiting: waiting) }
        if open.window.hasEnded(at: environment.now()) {
            // Records already in the stream go first: a later window's record closes this one in order.
            if let next = try await nextBatch(after: position, waiting: false, skipping: layout) { return .some(next) }
            try await closeWindow(open, terminatedEarly: false)
            return .some(nil)
        }
        guard waiting else { return try await read(waiting: false) }
        let remaining = Double(open.window.end) - environment.now().timeIntervalSince1970
        let deadline = ContinuousClock.now + .milliseconds(Int64((remaining * 1000).rounded(.up)))
        return try await withThrowingTaskGroup(of: WindowWait.self) { group in
            group.addTask {
                guard let next = try await self.nextBatch(after: position, waiting: true, skipping: layout) else { return .stopped }
                return .batch(next.batch, next.consumed)
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return .windowEnded
            }
            let first = try await group.next() ?? .stopped
            group.cancelAll()
            switch first {
            case .batch(let batch, let consumed): return .some((batch, consumed))
            case .windowEnded: return .some(nil)
            case .stopped: return nil
            }
        }
    }

    /// Keeps the state the function returned for `window`'s invocation, ending the window early when it is over
    /// the limit; returns the window as it now stands.
    func keep(state: [UInt8], of window: TumblingWindowState) async throws -> TumblingWindowState {
        var kept = window
        kept.state = state
        if state.count > TumblingWindowState.maximumStateBytes {
            try await closeWindow(kept, terminatedEarly: true)
            kept = TumblingWindowState(window: window.window)
        }
        try await environment.windows.save(kept, for: key)
        return kept
    }

    /// Invokes the window's final invocation until it succeeds, then forgets the window (unless it ended early:
    /// the caller then continues it with a fresh state).
    func closeWindow(_ open: TumblingWindowState, terminatedEarly: Bool) async throws {
        let event = TumblingWindowEvent(
            records: [], window: open, shardID: environment.source.shardID, streamARN: environment.source.streamARN,
            isFinal: true, isTerminatedEarly: terminatedEarly)
        var failures = 0
        while true {
            try Task.checkCancellation()
            let outcome = await environment.invoker.invoke(payload: event.payload)
            if case .completed(_, _, nil) = outcome { break }
            if case .completed = outcome { record { $0.invocations += 1 } }
            failures += 1
            try await Task.sleep(for: environment.retryPolicy.delay(beforeAttempt: failures))
        }
        record { $0.invocations += 1 }
        if !terminatedEarly { try await environment.windows.save(nil, for: key) }
    }
}

/// How waiting for the next batch of an open window ended.
private enum WindowWait: Sendable {
    case batch([EncodedRecord], SequenceNumber?)
    case windowEnded
    case stopped
}
