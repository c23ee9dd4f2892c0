import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// One execution environment: a function's process, the Runtime API it polls, and the invocation it is running.
///
/// Its lifecycle is an ``EnvironmentStateMachine`` behind a lock; this class feeds it events (from callers, the
/// Runtime API's event loop, timers and the process's exit) and carries out the effects it returns. Log lines are
/// written under the lock, so `START`, the function's output, `END` and `REPORT` keep their order; waiting callers
/// and `/next` requests are resumed after it is released.
final class ExecutionEnvironment: Sendable {
    /// What became of an invocation handed to this environment.
    enum Outcome: Sendable {
        /// The function answered, failed, timed out or died while running it.
        case completed(InvocationResult)
        /// The invocation did not run here (the environment died first, or the caller went away); it can run elsewhere.
        case notRun
    }

    /// A `/next` request waiting for an invocation.
    typealias RuntimeWaiter = @Sendable (Result<InvocationDelivery, RuntimeAPIError>) -> Void
    typealias Machine = EnvironmentStateMachine<RuntimeWaiter, CheckedContinuation<Outcome, Never>>

    /// How long Lambda lets a runtime initialise.
    static let initTimeout: TimeAmount = .seconds(10)
    /// How long a runtime has to exit after SIGTERM before it is killed.
    static let terminationGrace: TimeAmount = .milliseconds(500)

    private struct Inner {
        var machine: Machine
        var process: ChildProcess?
        var server: RuntimeAPIServer?
        var timers: [String: Scheduled<Void>] = [:]
        var initTimer: Scheduled<Void>?
        var lastPeakMemoryMB = 0
        var nextRuntimeID = 0
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
        var exited = false
    }

    let configuration: FunctionConfiguration
    let log: InvocationLog
    private let inner: Mutex<Inner>
    private let eventLoop: any EventLoop

    private init(configuration: FunctionConfiguration, console: Console, eventLoop: any EventLoop) {
        self.configuration = configuration
        self.log = InvocationLog(console: console)
        self.eventLoop = eventLoop
        self.inner = Mutex(
            Inner(machine: Machine(spawnedAt: .now, runtimeCanBeReplaced: configuration.runsUnderDebugger)))
    }

    /// How far ahead the deadline of a debugged invocation lies: far enough that no breakpoint runs out of time.
    static let debuggerDeadline: Int64 = 24 * 3600 * 1000

    /// Starts a Runtime API server and the function's process.
    /// - Throws: when the Runtime API server cannot listen; a process that cannot start is reported like an exit.
    static func start(
        configuration: FunctionConfiguration, console: Console, ledger: ProcessLedger?
    ) async throws -> ExecutionEnvironment {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let environment = ExecutionEnvironment(configuration: configuration, console: console, eventLoop: eventLoop)
        let server = try await RuntimeAPIServer.start(environment: environment, group: eventLoop)
        environment.inner.withLock { $0.server = server }
        if configuration.runsUnderDebugger {
            environment.log.begin()
        } else {
            await environment.launch(port: server.port, ledger: ledger)
        }
        return environment
    }

    /// The environment a runtime process of this function must be started with: `AWS_LAMBDA_RUNTIME_API` for this
    /// environment's listener and everything else the emulator would set (for `--debug-function`).
    var runtimeVariables: [String: String] {
        let port = inner.withLock { $0.server?.port ?? 0 }
        return ProcessEnvironment.variables(for: configuration, runtimeAPIPort: port)
    }

    private func launch(port: Int, ledger: ProcessLedger?) async {
        let variables = ProcessEnvironment.variables(for: configuration, runtimeAPIPort: port)
        log.begin()
        do {
            let process = try await ChildProcess.launch(
                executable: configuration.executable, directory: configuration.taskRoot, environment: variables,
                ledger: ledger,
                onLine: { [log] line in log.append(line) },
                onExit: { [weak self] termination in self?.processExited(termination) })
            let initTimer = eventLoop.scheduleTask(in: Self.initTimeout) { [weak self] () -> Void in self?.initTimedOut() }
            let alreadyExited = inner.withLock { inner in
                inner.process = process
                inner.initTimer = initTimer
                return inner.exited
            }
            if alreadyExited { initTimer.cancel() }
        } catch {
            log.append("lambda-local: \(error)")
            processExited(.exited(127))
        }
    }

    /// Whether the environment can take another invocation.
    var isAlive: Bool { inner.withLock { $0.machine.isAlive } }

    /// Runs one invocation; returns when the function answered (or, for callers wanting the log, at `REPORT`). A caller
    /// that is cancelled before its invocation reached the runtime gets ``Outcome/notRun``.
    func invoke(_ request: InvocationRequest) async -> Outcome {
        let requestID = request.requestID ?? RandomText.uuid()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { caller in
                guard !Task.isCancelled else { return caller.resume(returning: .notRun) }
                let pending = Machine.Pending(requestID: requestID, request: request, caller: caller)
                perform { $0.invoke(pending, now: .now) }
            }
        } onCancel: {
            perform { $0.abandon(requestID: requestID) }
        }
    }

    /// Stops the environment: asks the process to stop (SIGTERM), kills it after ``terminationGrace``, and waits
    /// until it is gone.
    func shutdown() async {
        if configuration.runsUnderDebugger {
            // The runtime is the user's process: stop serving it, and fail what it was running.
            perform { $0.shutdown(now: .now) }
            return processExited(.exited(0))
        }
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let gone = inner.withLock { inner in
                if inner.exited { return true }
                inner.exitWaiters.append(waiter)
                return false
            }
            if gone { waiter.resume() }
            perform { $0.shutdown(now: .now) }
        }
    }

    // MARK: Runtime API (called on the event loop of the runtime's connection)

    /// A fresh identifier for a `/next` request.
    func makeRuntimeID() -> Int {
        inner.withLock { inner in
            inner.nextRuntimeID += 1
            return inner.nextRuntimeID
        }
    }

    /// `GET /runtime/invocation/next`: ends the previous invocation; `waiter` gets the next one, now or later.
    func next(id: Int, waiter: @escaping RuntimeWaiter) {
        perform {
            $0.next(id: id, runtime: waiter, now: .now) { requestID in
                LambdaErrorPayload.exitError(requestID: requestID, termination: .exited(0))
            }
        }
    }

    /// The connection of a waiting `/next` closed.
    func nextCancelled(id: Int) {
        perform { $0.nextCancelled(id: id) }
    }

    /// `POST /runtime/invocation/{id}/response`; `body` is `nil` when it was over Lambda's limit (the caller then gets
    /// `Function.ResponseSizeTooLarge` and the runtime a 413).
    func respond(requestID: String, body: ByteBuffer?) -> RuntimeAPIError? {
        let result =
            body.map { InvocationResult(requestID: requestID, payload: $0, functionError: nil, log: nil) }
            ?? .unhandled(requestID: requestID, payload: LambdaErrorPayload.responseTooLarge())
        if let error = answer(requestID: requestID, result: result) { return error }
        return body == nil ? .payloadTooLarge : nil
    }

    /// `POST /runtime/invocation/{id}/error`: the body reaches the caller unchanged.
    func reportError(requestID: String, body: ByteBuffer, errorType: String?) -> RuntimeAPIError? {
        answer(
            requestID: requestID,
            result: .unhandled(requestID: requestID, payload: LambdaErrorPayload.posted(body, errorType: errorType)))
    }

    /// `POST /runtime/init/error`: kept for the invocation waiting on this environment.
    func reportInitError(body: ByteBuffer, errorType: String?) -> RuntimeAPIError? {
        let payload = LambdaErrorPayload.posted(body, errorType: errorType)
        do {
            try inner.withLock { inner throws(RuntimeAPIError) in try inner.machine.initError(payload) }
            return nil
        } catch {
            return error
        }
    }

    private func answer(requestID: String, result: InvocationResult) -> RuntimeAPIError? {
        do {
            try performThrowing { machine throws(RuntimeAPIError) in
                try machine.answer(requestID: requestID, result: result)
            }
            return nil
        } catch {
            return error
        }
    }

    // MARK: Clock and process

    /// The invocation `requestID`, whose timer started at `started`, ran past the timeout.
    private func timedOut(requestID: String, started: ContinuousClock.Instant) {
        let seconds = InvocationReport.milliseconds(started.duration(to: .now)) / 1000
        let line = InvocationReport.timedOut(requestID: requestID, seconds: seconds, at: Timestamp.iso8601(Date()))
        perform {
            $0.timedOut(
                requestID: requestID, payload: LambdaErrorPayload.timeout(requestID: requestID, seconds: seconds),
                line: line, now: .now)
        }
    }

    private func initTimedOut() {
        perform { machine in
            let effects = machine.initTimedOut()
            if !effects.isEmpty {
                log.append("INIT_REPORT Init Duration: \(InvocationReport.twoDecimals(10_000)) ms\tPhase: init\tStatus: timeout")
            }
            return effects
        }
    }

    private func processExited(_ termination: ProcessTermination) {
        let waiters = inner.withLock { inner in
            inner.exited = true
            inner.initTimer?.cancel()
            defer { inner.exitWaiters.removeAll() }
            return inner.exitWaiters
        }
        perform {
            $0.processExited(
                exitPayload: { LambdaErrorPayload.exitError(requestID: $0, termination: termination) }, now: .now)
        }
        waiters.forEach { $0.resume() }
    }

    // MARK: Carrying out effects

    private func perform(_ event: (inout Machine) -> [Machine.Effect]) {
        let resumptions = inner.withLock { inner in
            apply(event(&inner.machine), to: &inner)
        }
        resumptions.forEach { $0() }
    }

    private func performThrowing(
        _ event: (inout Machine) throws(RuntimeAPIError) -> [Machine.Effect]
    ) throws(RuntimeAPIError) {
        let resumptions = try inner.withLock { inner throws(RuntimeAPIError) in
            apply(try event(&inner.machine), to: &inner)
        }
        resumptions.forEach { $0() }
    }

    /// Carries out what must happen under the lock (log lines, timers, signals) and returns what must not (resuming
    /// callers and `/next` requests, closing the listener).
    private func apply(_ effects: [Machine.Effect], to inner: inout Inner) -> [() -> Void] {
        var later: [() -> Void] = []
        for effect in effects {
            switch effect {
            case .deliver(let runtime, let delivery):
                inner.initTimer?.cancel()
                log.begin(collecting: delivery.request.wantsLog)
                log.append(InvocationReport.start(requestID: delivery.requestID))
                let invocation = InvocationDelivery(
                    requestID: delivery.requestID,
                    deadlineMillis: Int64(Date().timeIntervalSince1970 * 1000)
                        + (configuration.runsUnderDebugger
                            ? Self.debuggerDeadline : Int64(configuration.timeoutSeconds) * 1000),
                    functionARN: configuration.invokedARN(qualifier: delivery.request.qualifier), traceID: TraceID.generate(),
                    clientContext: delivery.request.clientContext, cognitoIdentity: delivery.request.cognitoIdentity,
                    payload: delivery.request.payload)
                later.append { runtime(.success(invocation)) }
            case .rejectRuntime(let runtime, let error):
                later.append { runtime(.failure(error)) }
            case .answer(let caller, let result):
                later.append { caller.resume(returning: .completed(result)) }
            case .returnUndelivered(let caller):
                later.append { caller.resume(returning: .notRun) }
            case .finish(let finished):
                if let caller = finished.caller, var result = finished.result {
                    result.log = writeEnd(finished, inner: &inner)
                    later.append { caller.resume(returning: .completed(result)) }
                } else {
                    _ = writeEnd(finished, inner: &inner)
                }
            case .startTimer(let requestID):
                // Under a debugger the function may stop at a breakpoint for as long as it likes.
                if configuration.runsUnderDebugger { continue }
                let seconds = Int64(configuration.timeoutSeconds)
                let started = ContinuousClock.now
                inner.timers[requestID] = eventLoop.scheduleTask(in: .seconds(seconds)) { [weak self] in
                    self?.timedOut(requestID: requestID, started: started)
                }
            case .cancelTimer(let requestID):
                inner.timers.removeValue(forKey: requestID)?.cancel()
            case .kill:
                inner.process?.kill()
            case .terminate:
                if let process = inner.process {
                    process.terminate()
                    eventLoop.scheduleTask(in: Self.terminationGrace) { process.kill() }
                }
            case .closeListener:
                if let server = inner.server {
                    inner.server = nil
                    later.append { server.stop() }
                }
            }
        }
        return later
    }

    /// Takes the output written so far, then writes the extra lines, `END` and `REPORT`; returns the invocation's log.
    private func writeEnd(_ finished: Machine.Finished, inner: inout Inner) -> String {
        if finished.writesStart { log.append(InvocationReport.start(requestID: finished.requestID)) }
        inner.process?.drainOutput()
        finished.extraLines.forEach(log.append)
        if let peak = inner.process?.peakMemoryMB() { inner.lastPeakMemoryMB = peak }
        log.append(lines: [
            InvocationReport.end(requestID: finished.requestID),
            InvocationReport.report(
                requestID: finished.requestID, duration: finished.duration, memorySize: configuration.memorySize,
                maxMemoryUsedMB: inner.lastPeakMemoryMB,
                initDuration: finished.reportsInit ? inner.machine.initDuration : nil),
        ])
        return log.end()
    }
}
