import Foundation
import NIOCore

/// One execution environment: a function's process, the Runtime API it polls, and the invocation it is running.
///
/// The lifecycle follows Lambda's: the process initialises until its first `GET /next`; each invocation is handed to
/// a waiting `/next`, answered through `/response` or `/error`, and ends (Duration stops, `END`/`REPORT` are written)
/// when the runtime calls `/next` again. A timeout kills the process; any exit makes the environment dead, and the
/// pool starts a fresh one for the next invocation.
actor ExecutionEnvironment {
    /// What became of an invocation handed to this environment.
    enum Outcome: Sendable {
        /// The function answered, failed, timed out or died while running it.
        case completed(InvocationResult)
        /// The environment died before the invocation was delivered; it can run elsewhere.
        case environmentLost
    }

    enum Phase { case initializing, ready, dead }

    /// An accepted invocation, from `invoke` until `END`.
    struct Active {
        let requestID = UUID().uuidString.lowercased()
        let request: InvocationRequest
        var caller: CheckedContinuation<Outcome, Never>?
        var deliveredAt: ContinuousClock.Instant?
        var result: InvocationResult?
        var timer: Task<Void, Never>?
        var reportsInit = false
    }

    static let initTimeout: Duration = .seconds(10)

    let configuration: FunctionConfiguration
    let log: InvocationLog
    private let spawnedAt = ContinuousClock.now
    private var phase = Phase.initializing
    private var initDuration: Duration?
    private var initError: ByteBuffer?
    private var initTimer: Task<Void, Never>?
    private var waitingRuntime: CheckedContinuation<InvocationDelivery, any Error>?
    private var inFlight: Active?
    private var queued: Active?
    private var process: ChildProcess?
    private var server: RuntimeAPIServer.Running?
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []
    private var lastPeakMemoryMB = 0

    private init(configuration: FunctionConfiguration, console: Console) {
        self.configuration = configuration
        self.log = InvocationLog(console: console)
    }

    /// Starts a Runtime API server and the function's process.
    /// - Throws: when the Runtime API server cannot listen; a process that cannot start is reported like an exit.
    static func start(configuration: FunctionConfiguration, console: Console) async throws -> ExecutionEnvironment {
        let environment = ExecutionEnvironment(configuration: configuration, console: console)
        try await environment.launch()
        return environment
    }

    /// Whether the environment can take another invocation.
    var isAlive: Bool { phase != .dead }

    /// Runs one invocation; returns when the function answered (or, for callers wanting the log, at `REPORT`).
    func invoke(_ request: InvocationRequest) async -> Outcome {
        await withCheckedContinuation { caller in
            guard phase != .dead else {
                caller.resume(returning: .environmentLost)
                return
            }
            queued = Active(request: request, caller: caller)
            deliverIfPossible()
        }
    }

    /// Stops the environment: kills the process and waits for it to be gone.
    func shutdown() async {
        guard let process else { return }
        process.kill()
        await withCheckedContinuation { exitWaiters.append($0) }
    }

    private func launch() async throws {
        let server = try await RuntimeAPIServer.start(environment: self)
        self.server = server
        let variables = ProcessEnvironment.variables(for: configuration, runtimeAPIPort: server.port)
        log.begin()
        do {
            process = try ChildProcess.launch(
                executable: configuration.executable, directory: configuration.taskRoot, environment: variables,
                onLine: { [log] line in log.append(line) },
                onExit: { [weak self] termination in
                    Task { await self?.processExited(termination) }
                })
        } catch {
            log.append("lambda-local: \(error)")
            processExited(.exited(127))
            return
        }
        initTimer = Task { [weak self] in
            try? await Task.sleep(for: Self.initTimeout)
            await self?.initTimedOut()
        }
    }

    // MARK: Delivery and completion

    private func deliverIfPossible() {
        guard inFlight == nil, var active = queued, let runtime = waitingRuntime else { return }
        queued = nil
        waitingRuntime = nil
        active.deliveredAt = .now
        active.reportsInit = initDuration != nil && !hasReportedInit
        hasReportedInit = true
        log.begin(collecting: active.request.wantsLog)
        log.append(InvocationReport.start(requestID: active.requestID))
        let timeout = configuration.timeoutSeconds
        let requestID = active.requestID
        active.timer = Task { [weak self] in
            do { try await Task.sleep(for: .seconds(timeout)) } catch { return }
            await self?.timedOut(requestID: requestID)
        }
        inFlight = active
        runtime.resume(
            returning: InvocationDelivery(
                requestID: requestID,
                deadlineMillis: Int64(Date().timeIntervalSince1970 * 1000) + Int64(timeout) * 1000,
                functionARN: configuration.arn,
                traceID: TraceID.generate(),
                clientContext: active.request.clientContext,
                cognitoIdentity: active.request.cognitoIdentity,
                payload: active.request.payload))
    }

    private var hasReportedInit = false

    /// Records the function's answer; the caller gets it now unless it waits for the log.
    private func complete(_ active: inout Active, with result: InvocationResult) {
        guard active.result == nil else { return }
        active.result = result
        if !active.request.wantsLog {
            active.caller?.resume(returning: .completed(result))
            active.caller = nil
        }
    }

    /// Ends an invocation: takes the output written so far, writes `END` and `REPORT`, answers a waiting caller.
    private func finish(_ active: Active, before extraLines: [String] = []) {
        active.timer?.cancel()
        process?.drainOutput()
        extraLines.forEach(log.append)
        if let peak = process?.peakMemoryMB() { lastPeakMemoryMB = peak }
        let duration = active.deliveredAt.map { ContinuousClock.now - $0 } ?? .zero
        log.append(InvocationReport.end(requestID: active.requestID))
        log.append(
            InvocationReport.report(
                requestID: active.requestID, duration: duration, memorySize: configuration.memorySize,
                maxMemoryUsedMB: lastPeakMemoryMB, initDuration: active.reportsInit ? initDuration : nil))
        let text = log.end()
        if let caller = active.caller, var result = active.result {
            result.log = text
            caller.resume(returning: .completed(result))
        }
    }

    // MARK: Failures

    private func timedOut(requestID: String) {
        guard var active = inFlight, active.requestID == requestID else { return }
        if let peak = process?.peakMemoryMB() { lastPeakMemoryMB = peak }
        let seconds = configuration.timeoutSeconds
        complete(&active, with: failure(active, LambdaErrorPayload.timeout(requestID: requestID, seconds: seconds)))
        inFlight = nil
        markDead()
        process?.kill()
        let line = InvocationReport.timedOut(requestID: requestID, seconds: seconds, at: Timestamp.iso8601(Date()))
        finish(active, before: [line])
    }

    private func initTimedOut() {
        guard phase == .initializing else { return }
        log.append("INIT_REPORT Init Duration: \(InvocationReport.twoDecimals(10_000)) ms\tPhase: init\tStatus: timeout")
        process?.kill()
    }

    func processExited(_ termination: ProcessTermination) {
        let wasInitializing = phase == .initializing
        markDead()
        if var active = inFlight {
            inFlight = nil
            complete(&active, with: failure(active, LambdaErrorPayload.exitError(requestID: active.requestID, termination: termination)))
            finish(active)
        }
        if var active = queued {
            queued = nil
            if wasInitializing {
                // The invocation that started this environment fails with the init error, as on AWS.
                active.deliveredAt = .now
                log.append(InvocationReport.start(requestID: active.requestID))
                let payload = initError ?? LambdaErrorPayload.exitError(requestID: active.requestID, termination: termination)
                complete(&active, with: failure(active, payload))
                finish(active)
            } else {
                active.caller?.resume(returning: .environmentLost)
            }
        }
        process = nil
        exitWaiters.forEach { $0.resume() }
        exitWaiters.removeAll()
    }

    private func markDead() {
        guard phase != .dead else { return }
        phase = .dead
        initTimer?.cancel()
        waitingRuntime?.resume(throwing: RuntimeAPIError.containerError)
        waitingRuntime = nil
        server?.stop()
    }

    private func failure(_ active: Active, _ payload: ByteBuffer) -> InvocationResult {
        InvocationResult(requestID: active.requestID, payload: payload, functionError: "Unhandled", log: nil)
    }
}

// MARK: - Runtime API

extension ExecutionEnvironment {
    /// `GET /runtime/invocation/next`: ends the previous invocation and waits for the next one.
    func nextInvocation() async throws -> InvocationDelivery {
        if phase == .initializing {
            phase = .ready
            initDuration = ContinuousClock.now - spawnedAt
            initTimer?.cancel()
        }
        guard phase == .ready else { throw RuntimeAPIError.containerError }
        if let active = inFlight {
            guard active.result != nil else { throw RuntimeAPIError.invalidStateTransition }
            inFlight = nil
            finish(active)
        }
        guard waitingRuntime == nil else { throw RuntimeAPIError.invalidStateTransition }
        return try await withCheckedThrowingContinuation { runtime in
            waitingRuntime = runtime
            deliverIfPossible()
        }
    }

    /// `POST /runtime/invocation/{id}/response`.
    func respond(requestID: String, body: ByteBuffer?) throws {
        guard var active = inFlight, active.requestID == requestID, active.result == nil else {
            throw RuntimeAPIError.invalidRequestID
        }
        defer { inFlight = active }
        guard let body else {
            complete(&active, with: failure(active, LambdaErrorPayload.responseTooLarge()))
            throw RuntimeAPIError.payloadTooLarge
        }
        complete(&active, with: InvocationResult(requestID: requestID, payload: body, functionError: nil, log: nil))
    }

    /// `POST /runtime/invocation/{id}/error`: the body reaches the caller unchanged.
    func reportError(requestID: String, body: ByteBuffer, errorType: String?) throws {
        guard var active = inFlight, active.requestID == requestID, active.result == nil else {
            throw RuntimeAPIError.invalidRequestID
        }
        let payload = body.readableBytes > 0 ? body : LambdaErrorPayload.make(type: errorType ?? "Runtime.Unknown", message: "")
        complete(&active, with: failure(active, payload))
        inFlight = active
    }

    /// `POST /runtime/init/error`: kept for the invocation waiting on this environment.
    func reportInitError(body: ByteBuffer, errorType: String?) throws {
        guard phase == .initializing else { throw RuntimeAPIError.invalidStateTransition }
        initError = body.readableBytes > 0 ? body : LambdaErrorPayload.make(type: errorType ?? "Runtime.Unknown", message: "")
    }
}
