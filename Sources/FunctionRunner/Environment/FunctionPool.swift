import Synchronization

/// The execution environments of one function: warm ones reused, new ones started up to a bound.
///
/// Concurrent invocations run in separate environments, as on Lambda. With `ReservedConcurrentExecutions` an
/// invocation beyond the reservation is throttled (`TooManyRequestsException`); otherwise it waits for a free
/// environment once ``maxEnvironments`` are running (a local resource bound, not an AWS quota). Taking a warm
/// environment is a lock, not an actor hop; a caller that waits for one can be cancelled.
public final class FunctionPool: Sendable {
    /// The function this pool runs, as configured now (``renew(configuration:)`` changes it).
    public var configuration: FunctionConfiguration { state.withLock { $0.configuration } }
    /// The most environments running at once when no reservation is set.
    public let maxEnvironments: Int
    /// Whether an environment is kept warm for the next invocation (`false`: every invocation is a cold start).
    public let reusesEnvironments: Bool
    private let console: Console
    private let ledger: ProcessLedger?
    private let state: Mutex<State>

    private struct State {
        var configuration: FunctionConfiguration
        /// Environments started before the last ``renew(configuration:)`` are not reused.
        var generation = 0
        var generations: [ObjectIdentifier: Int] = [:]
        var idle: [ExecutionEnvironment] = []
        var running: [ObjectIdentifier: ExecutionEnvironment] = [:]
        var starting = 0
        var busy = 0
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiterID = 0
        var isShutDown = false
        var drained: [CheckedContinuation<Void, Never>] = []
    }

    /// Creates a pool; no process starts until the first invocation. `ledger` records the processes it starts.
    public init(
        configuration: FunctionConfiguration, console: Console, maxEnvironments: Int = 8, reusesEnvironments: Bool = true,
        ledger: ProcessLedger? = nil
    ) {
        self.state = Mutex(State(configuration: configuration))
        self.console = console
        // A function under a debugger has one environment: the process the user runs.
        self.maxEnvironments = configuration.runsUnderDebugger ? 1 : max(1, maxEnvironments)
        self.reusesEnvironments = reusesEnvironments
        self.ledger = ledger
    }

    /// Runs one invocation in a warm environment, or a new one.
    /// - Throws: ``InvokeError/throttled`` beyond the reserved concurrency; ``InvokeError/environmentFailed(_:)``
    ///   when no environment could be started; ``InvokeError/shuttingDown`` once the pool stops (or the caller was
    ///   cancelled before the function got the invocation).
    public func invoke(_ request: InvocationRequest) async throws(InvokeError) -> InvocationResult {
        while true {
            let environment = try await acquire()
            let outcome = await environment.invoke(request)
            release(environment)
            if case .completed(let result) = outcome { return result }
            if Task.isCancelled { throw .shuttingDown }
        }
    }

    /// For a function that runs under a debugger: sets up its one environment now (its Runtime API listening) and
    /// returns the variables the user's process must be started with.
    /// - Throws: ``InvokeError/environmentFailed(_:)`` when the Runtime API cannot listen.
    public func prepareForDebugger() async throws(InvokeError) -> [String: String] {
        precondition(configuration.runsUnderDebugger, "only a function under a debugger is prepared ahead")
        let environment = try await acquire()
        release(environment)
        return environment.runtimeVariables
    }

    /// Serves the function's new version: invocations from now on run in fresh environments (started from
    /// `configuration`, or the same configuration when its executable was rebuilt in place); invocations in flight
    /// finish in their old environments, which then stop; idle old environments stop now (SIGTERM, then SIGKILL).
    /// A function under a debugger keeps its one environment (and the listener the user's process was given): the
    /// user restarts the process to run the new build.
    public func renew(configuration: FunctionConfiguration? = nil) async {
        let retired = state.withLock { state -> [ExecutionEnvironment] in
            if let configuration { state.configuration = configuration }
            if state.configuration.runsUnderDebugger { return [] }
            state.generation += 1
            defer { state.idle.removeAll() }
            for environment in state.idle { state.running[ObjectIdentifier(environment)] = nil }
            return state.idle
        }
        await withTaskGroup(of: Void.self) { group in
            for environment in retired { group.addTask { await environment.shutdown() } }
        }
    }

    /// How many environments exist now (busy, idle or starting).
    public var environmentCount: Int { state.withLock { $0.running.count + $0.starting } }

    /// Stops taking invocations, lets those in flight finish for up to `grace`, then stops every environment (SIGTERM,
    /// SIGKILL after 500 ms) and waits until their processes are gone.
    public func shutdown(grace: Duration = .zero) async {
        let waiters = state.withLock { state in
            state.isShutDown = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.continuation.resume() }
        if grace > .zero {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.waitUntilIdle() }
                group.addTask { try? await Task.sleep(for: grace) }
                await group.next()
                group.cancelAll()
                self.state.withLock { state in
                    state.drained.forEach { $0.resume() }
                    state.drained.removeAll()
                }
            }
        }
        let all = state.withLock { state in
            defer {
                state.running.removeAll()
                state.idle.removeAll()
            }
            return Array(state.running.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for environment in all { group.addTask { await environment.shutdown() } }
        }
    }

    private func waitUntilIdle() async {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state in
                if state.busy == 0 && state.starting == 0 { return true }
                state.drained.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    private enum Step {
        case use(ExecutionEnvironment)
        case start
        case wait
    }

    private func acquire() async throws(InvokeError) -> ExecutionEnvironment {
        while true {
            let step = try state.withLock { state throws(InvokeError) -> Step in
                guard !state.isShutDown else { throw .shuttingDown }
                while let environment = state.idle.popLast() {
                    if environment.isAlive {
                        state.busy += 1
                        return .use(environment)
                    }
                    state.running[ObjectIdentifier(environment)] = nil
                }
                let count = state.running.count + state.starting
                if let reserved = state.configuration.reservedConcurrency, count >= reserved { throw .throttled }
                guard count < maxEnvironments else { return .wait }
                state.starting += 1
                return .start
            }
            switch step {
            case .use(let environment):
                return environment
            case .start:
                return try await startEnvironment()
            case .wait:
                try await waitForRelease()
            }
        }
    }

    private func startEnvironment() async throws(InvokeError) -> ExecutionEnvironment {
        do {
            let (configuration, generation) = state.withLock { ($0.configuration, $0.generation) }
            let environment = try await ExecutionEnvironment.start(
                configuration: configuration, console: console, ledger: ledger)
            let shutDown = state.withLock { state in
                state.starting -= 1
                state.running[ObjectIdentifier(environment)] = environment
                state.generations[ObjectIdentifier(environment)] = generation
                state.busy += 1
                return state.isShutDown
            }
            if shutDown {
                release(environment)
                await environment.shutdown()
                throw InvokeError.shuttingDown
            }
            return environment
        } catch let error as InvokeError {
            throw error
        } catch {
            let waiter = state.withLock { state in
                state.starting -= 1
                return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
            }
            waiter?.continuation.resume()
            throw .environmentFailed(String(describing: error))
        }
    }

    /// Waits until an environment is released; a cancelled caller stops waiting.
    private func waitForRelease() async throws(InvokeError) {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.isShutDown || Task.isCancelled { return true }
                    state.waiters.append((id, continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0) }
            }
            waiter?.continuation.resume()
        }
        if Task.isCancelled { throw .shuttingDown }
    }

    private func release(_ environment: ExecutionEnvironment) {
        let alive = environment.isAlive
        let (waiter, drained, stop) = state.withLock { state in
            state.busy -= 1
            var stop = false
            let key = ObjectIdentifier(environment)
            let current = state.generations[key] == state.generation
            if !state.isShutDown, current, reusesEnvironments || state.configuration.runsUnderDebugger, alive {
                state.idle.append(environment)
            } else {
                state.running[key] = nil
                state.generations[key] = nil
                stop = alive && (!reusesEnvironments || !current)
            }
            let waiter = state.waiters.isEmpty ? nil : state.waiters.removeFirst()
            var drained: [CheckedContinuation<Void, Never>] = []
            if state.busy == 0 && state.starting == 0 {
                drained = state.drained
                state.drained.removeAll()
            }
            return (waiter, drained, stop)
        }
        waiter?.continuation.resume()
        drained.forEach { $0.resume() }
        if stop { Task { await environment.shutdown() } }
    }
}

/// Why an invocation could not be run at all (as opposed to a function error, which is a result).
public enum InvokeError: Error, Equatable, CustomStringConvertible {
    /// Over `ReservedConcurrentExecutions`.
    case throttled
    /// An execution environment could not be set up.
    case environmentFailed(String)
    /// The emulator is stopping.
    case shuttingDown

    public var description: String {
        switch self {
        case .throttled: "Rate Exceeded."
        case .environmentFailed(let reason): "could not start an execution environment: \(reason)"
        case .shuttingDown: "the emulator is shutting down"
        }
    }
}
