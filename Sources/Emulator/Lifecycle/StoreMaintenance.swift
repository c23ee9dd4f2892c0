import FunctionRunner
import ServiceLifecycle
import TableStore

/// Background work on the table store, as a service: Time to Live sweeps every `ttlSweepInterval`, and, when index
/// reads lag (`start --gsi-propagation-delay`), the delayed index updates applied as they fall due. A failed pass
/// is reported on the console and tried again at the next tick; the service stops with the group.
struct StoreMaintenance: Service, CustomStringConvertible {
    let store: TableStore
    /// Time between TTL sweeps (`start --ttl-sweep-interval`).
    let ttlSweepInterval: Duration
    let console: Console
    var description: String { "table store maintenance" }

    /// The index lag's apply period: a fraction of the lag, so an update shows within about 1.25 × the lag.
    var indexApplyInterval: Duration? {
        let lag = store.indexPropagationDelay
        guard lag > .zero else { return nil }
        return max(lag / 4, .milliseconds(5))
    }

    func run() async {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await repeatEvery(ttlSweepInterval, what: "Time to Live sweep") { try await store.sweepExpiredItems() }
                }
                if let interval = indexApplyInterval {
                    group.addTask {
                        await repeatEvery(interval, what: "applying delayed index updates") {
                            try await store.applyDueIndexUpdates()
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` every `interval` until cancelled.
    private func repeatEvery(
        _ interval: Duration, what: String, _ body: @Sendable () async throws -> Int
    ) async {
        while !Task.isCancelled {
            do {
                _ = try await body()
            } catch {
                console.write(line: "lambda-local: \(what) failed: \(error)")
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
