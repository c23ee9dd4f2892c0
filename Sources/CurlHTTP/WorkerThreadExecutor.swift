import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A serial executor that runs its jobs on one dedicated OS thread.
///
/// An actor that owns a libcurl connection runs on this executor, so its blocking libcurl calls (the Runtime API's
/// `/next` long poll can block for minutes) occupy this thread instead of one of the few threads of Swift's
/// cooperative pool.
package final class WorkerThreadExecutor: SerialExecutor {
    private struct State {
        var jobs: [UnownedJob] = []
        var stopping = false
    }

    private let state = Mutex(State())
    /// Signalled once per enqueued job and once by `shutdown()`.
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Starts the thread.
    package init() {
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
            var thread: pthread_t?
            let status = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<WorkerThreadExecutor>.fromOpaque(context).takeRetainedValue().runJobs()
                    return nil
                }, context)
            if let thread { pthread_detach(thread) }
        #else
            var thread = pthread_t()
            let status = pthread_create(
                &thread, nil,
                { context in
                    guard let context else { return nil }
                    Unmanaged<WorkerThreadExecutor>.fromOpaque(context).takeRetainedValue().runJobs()
                    return nil
                }, context)
            pthread_detach(thread)
        #endif
        precondition(status == 0, "pthread_create failed with error \(status)")
    }

    /// Queues `job` to run on the thread.
    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { $0.jobs.append(job) }
        wakeUp.signal()
    }

    /// Lets the thread end once the jobs already enqueued have run. Enqueue nothing afterwards.
    package func shutdown() {
        state.withLock { $0.stopping = true }
        wakeUp.signal()
    }

    private func runJobs() {
        while true {
            wakeUp.wait()
            let next = state.withLock { state -> UnownedJob? in
                state.jobs.isEmpty ? nil : state.jobs.removeFirst()
            }
            if let next {
                next.runSynchronously(on: asUnownedSerialExecutor())
            } else if state.withLock({ $0.stopping }) {
                return
            }
        }
    }
}
