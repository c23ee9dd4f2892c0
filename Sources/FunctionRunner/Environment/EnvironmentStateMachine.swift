import NIOCore

/// The lifecycle of one execution environment as the Runtime API lets it move, with no I/O: each event returns the
/// effects its owner must carry out (answer a waiting `/next`, resume a caller, write `END`/`REPORT`, kill the process).
///
/// `Runtime` is what stands for a `/next` request waiting for work; `Caller` is what stands for an invoker waiting for
/// its result. The owner keeps the machine behind a lock and performs the returned effects outside it.
///
/// The states follow Lambda's: a process initialises until its first `GET /next`; each invocation is handed to a
/// waiting `/next`, answered through `/response` or `/error`, and ends (Duration stops, `END`/`REPORT`) when the
/// runtime calls `/next` again; a timeout or any exit makes the environment dead, and a shutdown drains it first.
struct EnvironmentStateMachine<Runtime, Caller> {
    /// An invocation accepted by the environment and not yet handed to the runtime.
    struct Pending {
        var requestID: String
        var request: InvocationRequest
        var caller: Caller
    }

    /// An invocation handed to the runtime, from `/next` until the following `/next` (or the environment's death).
    struct Active {
        var requestID: String
        var request: InvocationRequest
        /// `nil` once the caller has been answered (or has gone away).
        var caller: Caller?
        var deliveredAt: ContinuousClock.Instant
        /// The function's answer, once `/response` or `/error` arrived (or Lambda decided one).
        var result: InvocationResult?
        /// Whether this invocation's `REPORT` carries `Init Duration` (the first one after a cold start).
        var reportsInit: Bool
    }

    /// Where the environment is.
    enum State {
        /// The process is starting and has not called `/next` yet; an invocation may wait for it.
        case initializing(pending: Pending?, initError: ByteBuffer?)
        /// Initialised, and no `/next` is waiting (between invocations, or after a `/next` connection dropped).
        case ready(pending: Pending?)
        /// A `/next` waits, with nothing to run.
        case polling(id: Int, runtime: Runtime)
        /// An invocation is with the runtime; another may wait behind it for the next `/next`.
        case invoking(Active, pending: Pending?)
        /// Shutting down: the process was asked to stop; an invocation it was running ends when it exits.
        case draining(Active?)
        /// The process is gone (or was killed); nothing more runs here.
        case dead
    }

    /// What the owner must do, in order.
    enum Effect {
        /// Answer a waiting `/next` with this invocation.
        case deliver(to: Runtime, Delivery)
        /// Answer a `/next` with an error (its connection is then useless to the runtime).
        case rejectRuntime(Runtime, RuntimeAPIError)
        /// Give a caller the function's result now.
        case answer(Caller, InvocationResult)
        /// Tell a caller its invocation did not run here (it may run in another environment).
        case returnUndelivered(Caller)
        /// End an invocation: take the output written so far, add these lines, write `END` and `REPORT`; the caller,
        /// when given, waits for the log and gets `result` with it.
        case finish(Finished)
        /// Start the invocation's timeout clock.
        case startTimer(requestID: String)
        /// Stop the invocation's timeout clock.
        case cancelTimer(requestID: String)
        /// Kill the process and everything it started.
        case kill
        /// Ask the process to stop (SIGTERM); the owner kills it if it has not exited within the grace period.
        case terminate
        /// The environment can take no more work: close its Runtime API listener.
        case closeListener
    }

    /// What an invocation carries to the runtime (the owner adds the deadline and trace ID).
    struct Delivery {
        var requestID: String
        var request: InvocationRequest
    }

    /// An ended invocation, for `END` and `REPORT`.
    struct Finished {
        var requestID: String
        var duration: Duration
        var reportsInit: Bool
        var extraLines: [String]
        /// Whether `START` must be written first (an invocation that failed before it reached the runtime).
        var writesStart: Bool
        /// A caller still waiting (it asked for the log), with the result to give it.
        var caller: Caller?
        var result: InvocationResult?
    }

    private(set) var state: State = .initializing(pending: nil, initError: nil)
    /// How long the process took to reach its first `/next`.
    private(set) var initDuration: Duration?
    private var hasReportedInit = false
    private let spawnedAt: ContinuousClock.Instant
    /// Whether a new runtime may take over from one that vanished without a word (a process the user runs under a
    /// debugger and restarts): its unanswered invocation then fails as if the process had exited.
    private let runtimeCanBeReplaced: Bool

    init(spawnedAt: ContinuousClock.Instant, runtimeCanBeReplaced: Bool = false) {
        self.spawnedAt = spawnedAt
        self.runtimeCanBeReplaced = runtimeCanBeReplaced
    }

    /// Whether the environment can still take an invocation.
    var isAlive: Bool {
        switch state {
        case .draining, .dead: false
        default: true
        }
    }

    // MARK: Invoker side

    /// An invocation was given to this environment.
    mutating func invoke(_ pending: Pending, now: ContinuousClock.Instant) -> [Effect] {
        switch state {
        case .initializing(nil, let initError):
            state = .initializing(pending: pending, initError: initError)
            return []
        case .ready(nil):
            state = .ready(pending: pending)
            return []
        case .polling(_, let runtime):
            return deliver(pending, to: runtime, now: now)
        case .invoking(let active, nil):
            state = .invoking(active, pending: pending)
            return []
        case .initializing(.some, _), .ready(.some), .invoking(_, .some), .draining, .dead:
            // One invocation waits per environment at most; the pool never gives a second one.
            return [.returnUndelivered(pending.caller)]
        }
    }

    /// The caller of `requestID` stopped waiting. An undelivered invocation is withdrawn; one the runtime already has
    /// keeps running (as on Lambda), its result discarded.
    mutating func abandon(requestID: String) -> [Effect] {
        switch state {
        case .initializing(let pending?, let initError) where pending.requestID == requestID:
            state = .initializing(pending: nil, initError: initError)
            return [.returnUndelivered(pending.caller)]
        case .ready(let pending?) where pending.requestID == requestID:
            state = .ready(pending: nil)
            return [.returnUndelivered(pending.caller)]
        case .invoking(let active, let pending?) where pending.requestID == requestID:
            state = .invoking(active, pending: nil)
            return [.returnUndelivered(pending.caller)]
        case .invoking(var active, let pending) where active.requestID == requestID:
            guard let caller = active.caller else { return [] }
            active.caller = nil
            state = .invoking(active, pending: pending)
            return [.returnUndelivered(caller)]
        case .draining(var active?) where active.requestID == requestID:
            guard let caller = active.caller else { return [] }
            active.caller = nil
            state = .draining(active)
            return [.returnUndelivered(caller)]
        default:
            return []
        }
    }

    // MARK: Runtime API side

    /// `GET /runtime/invocation/next`: ends the previous invocation, then hands over the next one or waits.
    /// `abandonedPayload` is the error an unanswered invocation gets when a replacement runtime takes over.
    mutating func next(
        id: Int, runtime: Runtime, now: ContinuousClock.Instant,
        abandonedPayload: (String) -> ByteBuffer = { _ in ByteBuffer() }
    ) -> [Effect] {
        switch state {
        case .initializing(let pending, _):
            initDuration = now - spawnedAt
            return pollOrDeliver(pending, id: id, runtime: runtime, effects: [], now: now)
        case .ready(let pending):
            return pollOrDeliver(pending, id: id, runtime: runtime, effects: [], now: now)
        case .invoking(let active, let pending):
            guard active.result != nil else {
                guard runtimeCanBeReplaced else { return [.rejectRuntime(runtime, .invalidStateTransition)] }
                let ended = failActive(active, exitPayload: abandonedPayload, now: now)
                return pollOrDeliver(pending, id: id, runtime: runtime, effects: ended, now: now)
            }
            let ended: [Effect] = [.cancelTimer(requestID: active.requestID), .finish(finished(active, now: now))]
            return pollOrDeliver(pending, id: id, runtime: runtime, effects: ended, now: now)
        case .polling(_, let waiting):
            // One `/next` at a time: a second while the first still waits is a runtime bug, unless a new runtime
            // replaces one that vanished.
            guard runtimeCanBeReplaced else { return [.rejectRuntime(runtime, .invalidStateTransition)] }
            state = .polling(id: id, runtime: runtime)
            return [.rejectRuntime(waiting, .containerError)]
        case .draining:
            // As on Lambda at shutdown, the poll just waits: the process is being stopped (an error answer would
            // only make the runtime log one).
            return []
        case .dead:
            return [.rejectRuntime(runtime, .containerError)]
        }
    }

    /// The connection of the waiting `/next` `id` closed: the runtime no longer waits.
    mutating func nextCancelled(id: Int) -> [Effect] {
        guard case .polling(id, _) = state else { return [] }
        state = .ready(pending: nil)
        return []
    }

    /// `POST /runtime/invocation/{id}/response` (or `/error`): the function's answer, given to the caller now unless
    /// it waits for the log. `tooLarge`: the body was over Lambda's limit; the caller gets Lambda's error instead.
    mutating func answer(requestID: String, result: InvocationResult) throws(RuntimeAPIError) -> [Effect] {
        guard case .invoking(var active, let pending) = state, active.requestID == requestID, active.result == nil else {
            throw .invalidRequestID
        }
        let effects = record(result, in: &active)
        state = .invoking(active, pending: pending)
        return effects
    }

    /// `POST /runtime/init/error`: kept for the invocation that waits on this environment.
    mutating func initError(_ payload: ByteBuffer) throws(RuntimeAPIError) {
        guard case .initializing(let pending, _) = state else { throw .invalidStateTransition }
        state = .initializing(pending: pending, initError: payload)
    }

    // MARK: Clock and process

    /// The invocation `requestID` ran past the function's timeout: Lambda answers `Sandbox.Timedout` (unless the
    /// function already answered), prints the timeout line, and resets the environment.
    mutating func timedOut(
        requestID: String, payload: ByteBuffer, line: String, now: ContinuousClock.Instant
    ) -> [Effect] {
        guard case .invoking(var active, let pending) = state, active.requestID == requestID else { return [] }
        var effects = record(.unhandled(requestID: requestID, payload: payload), in: &active)
        state = .dead
        effects += [.kill, .closeListener, .finish(finished(active, now: now, extraLines: [line]))]
        if let pending { effects.append(.returnUndelivered(pending.caller)) }
        return effects
    }

    /// Initialisation ran past Lambda's limit: the process is killed (its exit then fails what waits).
    mutating func initTimedOut() -> [Effect] {
        guard case .initializing = state else { return [] }
        return [.kill]
    }

    /// The process exited (or was killed). An invocation it was running fails with `Runtime.ExitError`; the one that
    /// started this environment fails with the init error; one that had not reached it may run elsewhere.
    mutating func processExited(
        exitPayload: (String) -> ByteBuffer, now: ContinuousClock.Instant
    ) -> [Effect] {
        let previous = state
        state = .dead
        switch previous {
        case .dead:
            return []
        case .initializing(let pending, let initError):
            guard let pending else { return [.closeListener] }
            // Reported as an invocation that started and failed, as Lambda reports a failed init.
            var active = Active(
                requestID: pending.requestID, request: pending.request, caller: pending.caller, deliveredAt: now,
                result: nil, reportsInit: false)
            let payload = initError ?? exitPayload(pending.requestID)
            let effects = record(.unhandled(requestID: pending.requestID, payload: payload), in: &active)
            return [.closeListener] + effects + [.finish(finished(active, now: now, writesStart: true))]
        case .ready(let pending):
            return [.closeListener] + (pending.map { [.returnUndelivered($0.caller)] } ?? [])
        case .polling(_, let runtime):
            return [.closeListener, .rejectRuntime(runtime, .containerError)]
        case .invoking(let active, let pending):
            return [.closeListener] + failActive(active, exitPayload: exitPayload, now: now)
                + (pending.map { [.returnUndelivered($0.caller)] } ?? [])
        case .draining(let active):
            return active.map { failActive($0, exitPayload: exitPayload, now: now) } ?? []
        }
    }

    /// Stop this environment: no new work; the process is asked to stop and the invocation it runs ends with it.
    mutating func shutdown(now: ContinuousClock.Instant) -> [Effect] {
        switch state {
        case .dead, .draining:
            return []
        case .initializing(let pending, _), .ready(let pending):
            state = .draining(nil)
            return [.closeListener, .terminate] + (pending.map { [.returnUndelivered($0.caller)] } ?? [])
        case .polling:
            // The waiting `/next` is left unanswered: the runtime is stopped while it polls, as on Lambda.
            state = .draining(nil)
            return [.closeListener, .terminate]
        case .invoking(let active, let pending):
            state = .draining(active.result == nil ? active : nil)
            var effects: [Effect] = [.closeListener]
            if active.result != nil {
                // Ended before the process is asked to stop, so REPORT still reads its peak memory.
                effects += [.cancelTimer(requestID: active.requestID), .finish(finished(active, now: now))]
            }
            return effects + [.terminate] + (pending.map { [.returnUndelivered($0.caller)] } ?? [])
        }
    }

    // MARK: Helpers

    private mutating func pollOrDeliver(
        _ pending: Pending?, id: Int, runtime: Runtime, effects: [Effect], now: ContinuousClock.Instant
    ) -> [Effect] {
        guard let pending else {
            state = .polling(id: id, runtime: runtime)
            return effects
        }
        return effects + deliver(pending, to: runtime, now: now)
    }

    private mutating func deliver(_ pending: Pending, to runtime: Runtime, now: ContinuousClock.Instant) -> [Effect] {
        let reportsInit = initDuration != nil && !hasReportedInit
        hasReportedInit = true
        let active = Active(
            requestID: pending.requestID, request: pending.request, caller: pending.caller, deliveredAt: now,
            result: nil, reportsInit: reportsInit)
        state = .invoking(active, pending: nil)
        return [
            .startTimer(requestID: pending.requestID),
            .deliver(to: runtime, Delivery(requestID: pending.requestID, request: pending.request)),
        ]
    }

    /// Keeps the first result; answers the caller now unless it waits for the log.
    private func record(_ result: InvocationResult, in active: inout Active) -> [Effect] {
        guard active.result == nil else { return [] }
        active.result = result
        guard !active.request.wantsLog, let caller = active.caller else { return [] }
        active.caller = nil
        return [.answer(caller, result)]
    }

    private func failActive(
        _ active: Active, exitPayload: (String) -> ByteBuffer, now: ContinuousClock.Instant
    ) -> [Effect] {
        var active = active
        let effects = record(.unhandled(requestID: active.requestID, payload: exitPayload(active.requestID)), in: &active)
        return [.cancelTimer(requestID: active.requestID)] + effects + [.finish(finished(active, now: now))]
    }

    /// The invocation's Duration runs from delivery until `now` (the next `/next`, the timeout or the exit).
    private func finished(
        _ active: Active, now: ContinuousClock.Instant, extraLines: [String] = [], writesStart: Bool = false
    ) -> Finished {
        Finished(
            requestID: active.requestID, duration: now - active.deliveredAt, reportsInit: active.reportsInit,
            extraLines: extraLines, writesStart: writesStart, caller: active.caller,
            result: active.caller == nil ? nil : active.result)
    }
}
