/// The execution environments of one function: warm ones reused, new ones started up to a bound.
///
/// Concurrent invocations run in separate environments, as on Lambda. With `ReservedConcurrentExecutions` an
/// invocation beyond the reservation is throttled (`TooManyRequestsException`); otherwise it waits for a free
/// environment once ``maxEnvironments`` are running (a local resource bound, not an AWS quota).
public actor FunctionPool {
    /// The function this pool runs.
    public let configuration: FunctionConfiguration
    /// The most environments running at once when no reservation is set.
    public let maxEnvironments: Int
    /// Whether an environment is kept warm for the next invocation (`false`: every invocation is a cold start).
    public let reusesEnvironments: Bool
    private let console: Console
    private var idle: [ExecutionEnvironment] = []
    private var running: [ObjectIdentifier: ExecutionEnvironment] = [:]
    private var starting = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var isShutDown = false

    /// Creates a pool; no process starts until the first invocation.
    public init(configuration: FunctionConfiguration, console: Console, maxEnvironments: Int = 8, reusesEnvironments: Bool = true) {
        self.configuration = configuration
        self.console = console
        self.maxEnvironments = max(1, maxEnvironments)
        self.reusesEnvironments = reusesEnvironments
    }

    /// Runs one invocation in a warm environment, or a new one.
    /// - Throws: ``InvokeError/throttled`` beyond the reserved concurrency; ``InvokeError/environmentFailed(_:)``
    ///   when no environment could be started.
    public func invoke(_ request: InvocationRequest) async throws(InvokeError) -> InvocationResult {
        while true {
            let environment = try await acquire()
            let outcome = await environment.invoke(request)
            await release(environment)
            if case .completed(let result) = outcome { return result }
        }
    }

    /// How many environments exist now (busy, idle or starting).
    public var environmentCount: Int { running.count + starting }

    /// Stops every environment and waits until their processes are gone.
    public func shutdown() async {
        isShutDown = true
        let all = Array(running.values)
        running.removeAll()
        idle.removeAll()
        for environment in all { await environment.shutdown() }
        waiters.forEach { $0.resume() }
        waiters.removeAll()
    }

    private func acquire() async throws(InvokeError) -> ExecutionEnvironment {
        while true {
            guard !isShutDown else { throw .shuttingDown }
            if let environment = idle.popLast() {
                if await environment.isAlive { return environment }
                running[ObjectIdentifier(environment)] = nil
                continue
            }
            let busy = running.count + starting
            if let reserved = configuration.reservedConcurrency, busy >= reserved { throw .throttled }
            if busy < maxEnvironments {
                starting += 1
                defer { starting -= 1 }
                do {
                    let environment = try await ExecutionEnvironment.start(configuration: configuration, console: console)
                    running[ObjectIdentifier(environment)] = environment
                    return environment
                } catch {
                    throw .environmentFailed(String(describing: error))
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func release(_ environment: ExecutionEnvironment) async {
        if !isShutDown, reusesEnvironments, await environment.isAlive {
            idle.append(environment)
        } else {
            running[ObjectIdentifier(environment)] = nil
            if !reusesEnvironments { Task { await environment.shutdown() } }
        }
        if !waiters.isEmpty { waiters.removeFirst().resume() }
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
