import Synchronization

/// Lets in-process readers wait for stream records without polling: writers publish the newest
/// sequence per stream after their transaction commits; waiters resume once it passes their position.
final class StreamWaiters: Sendable {
    private struct Waiter {
        var id: UInt64
        var after: Int64
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var latest: [String: Int64] = [:]
        var waiters: [String: [Waiter]] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Records that stream `arn` now holds sequence `sequence`; resumes the waiters it satisfies.
    func published(arn: String, sequence: Int64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.latest[arn] = max(state.latest[arn] ?? 0, sequence)
            guard let waiting = state.waiters[arn] else { return [] }
            let (due, keep) = (waiting.filter { $0.after < sequence }, waiting.filter { $0.after >= sequence })
            state.waiters[arn] = keep.isEmpty ? nil : keep
            return due.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Records that stream `arn` was closed (its table deleted or its stream disabled): every waiter resumes, and
    /// later waits return at once.
    func closed(arn: String) {
        published(arn: arn, sequence: .max)
    }

    /// Suspends until stream `arn` holds a sequence above `after` (`known` is the newest sequence the
    /// caller read from the database), or the task is cancelled.
    func wait(arn: String, after: Int64, known: Int64) async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    let latest = max(state.latest[arn] ?? 0, known)
                    if latest > after || Task.isCancelled { return true }
                    state.waiters[arn, default: []].append(Waiter(id: id, after: after, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard var waiting = state.waiters[arn], let position = waiting.firstIndex(where: { $0.id == id })
                else { return nil }
                let waiter = waiting.remove(at: position)
                state.waiters[arn] = waiting.isEmpty ? nil : waiting
                return waiter.continuation
            }
            cancelled?.resume()
        }
    }
}
