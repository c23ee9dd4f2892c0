import NIOCore
import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

/// The execution environment's lifecycle, transition by transition, with integers standing for `/next` requests
/// and callers: no process, socket or timer.
struct EnvironmentStateMachineTests {
    typealias Machine = EnvironmentStateMachine<Int, Int>

    let start = ContinuousClock.now

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    func pending(_ id: String, caller: Int, wantsLog: Bool = false) -> Machine.Pending {
        Machine.Pending(
            requestID: id, request: InvocationRequest(payload: ByteBuffer(string: "{}"), wantsLog: wantsLog), caller: caller)
    }

    func result(_ id: String, _ text: String, error: String? = nil) -> InvocationResult {
        InvocationResult(requestID: id, payload: ByteBuffer(string: text), functionError: error, log: nil)
    }

    func exit(_ id: String) -> ByteBuffer { ByteBuffer(string: "exit \(id)") }

    /// A readable trace of effects, so tests compare whole sequences.
    func trace(_ effects: [Machine.Effect]) -> [String] {
        effects.map { effect in
            switch effect {
            case .deliver(let runtime, let delivery): "deliver \(delivery.requestID) to \(runtime)"
            case .rejectRuntime(let runtime, let error): "reject \(runtime) \(error)"
            case .answer(let caller, let result):
                "answer \(caller) \(String(buffer: result.payload))\(result.functionError.map { " (\($0))" } ?? "")"
            case .returnUndelivered(let caller): "undelivered \(caller)"
            case .finish(let finished):
                "finish \(finished.requestID)"
                    + (finished.reportsInit ? " +init" : "") + (finished.writesStart ? " +start" : "")
                    + finished.extraLines.map { " [\($0)]" }.joined()
                    + (finished.caller.map { " to \($0) \(finished.result.map { String(buffer: $0.payload) } ?? "-")" } ?? "")
            case .startTimer(let id): "timer \(id)"
            case .cancelTimer(let id): "cancel timer \(id)"
            case .kill: "kill"
            case .terminate: "terminate"
            case .closeListener: "close listener"
            }
        }
    }

    func stateName(_ machine: Machine) -> String {
        switch machine.state {
        case .initializing(let pending, let initError):
            "initializing\(pending.map { " \($0.requestID)" } ?? "")\(initError == nil ? "" : " init-error")"
        case .ready(let pending): "ready\(pending.map { " \($0.requestID)" } ?? "")"
        case .polling(let id, _): "polling \(id)"
        case .invoking(let active, let pending):
            "invoking \(active.requestID)\(active.result == nil ? "" : " answered")\(pending.map { " then \($0.requestID)" } ?? "")"
        case .draining(let active): "draining\(active.map { " \($0.requestID)" } ?? "")"
        case .dead: "dead"
        }
    }

    /// A machine whose runtime has called `/next` once (runtime 1 waits).
    func polling() -> Machine {
        var machine = Machine(spawnedAt: start)
        _ = machine.next(id: 1, runtime: 1, now: at(20))
        return machine
    }

    // MARK: Initialisation

    @Test("an invocation that arrives during init waits, and the first /next takes it with the init duration")
    func invocationWaitsForInit() {
        var machine = Machine(spawnedAt: start)
        #expect(trace(machine.invoke(pending("a", caller: 7), now: at(1))).isEmpty)
        #expect(stateName(machine) == "initializing a")
        #expect(trace(machine.next(id: 1, runtime: 1, now: at(25))) == ["timer a", "deliver a to 1"])
        #expect(machine.initDuration == .milliseconds(25))
        #expect(stateName(machine) == "invoking a")
        _ = try? machine.answer(requestID: "a", result: result("a", "ok"))
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(30))) == ["cancel timer a", "finish a +init"])
    }

    @Test("a /next before any invocation waits; the invocation is then delivered at once")
    func firstNextWaits() {
        var machine = polling()
        #expect(stateName(machine) == "polling 1")
        #expect(trace(machine.invoke(pending("a", caller: 7), now: at(40))) == ["timer a", "deliver a to 1"])
    }

    @Test("only the first invocation after a cold start reports Init Duration")
    func initReportedOnce() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = try machine.answer(requestID: "a", result: result("a", "1"))
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(31))) == ["cancel timer a", "finish a +init"])
        _ = machine.invoke(pending("b", caller: 8), now: at(32))
        _ = try machine.answer(requestID: "b", result: result("b", "2"))
        #expect(trace(machine.next(id: 3, runtime: 3, now: at(33))) == ["cancel timer b", "finish b"])
    }

    @Test("/init/error is kept for the waiting invocation, which fails with it when the process exits")
    func initErrorThenExit() throws {
        var machine = Machine(spawnedAt: start)
        _ = machine.invoke(pending("a", caller: 7), now: at(1))
        try machine.initError(ByteBuffer(string: "bad config"))
        #expect(stateName(machine) == "initializing a init-error")
        let effects = machine.processExited(exitPayload: exit, now: at(5))
        #expect(trace(effects) == ["close listener", "answer 7 bad config (Unhandled)", "finish a +start"])
        #expect(stateName(machine) == "dead")
    }

    @Test("an exit during init fails the waiting invocation with Runtime.ExitError")
    func exitDuringInit() {
        var machine = Machine(spawnedAt: start)
        _ = machine.invoke(pending("a", caller: 7), now: at(1))
        #expect(
            trace(machine.processExited(exitPayload: exit, now: at(2)))
                == ["close listener", "answer 7 exit a (Unhandled)", "finish a +start"])
    }

    @Test("an exit during init with nobody waiting only closes the listener")
    func exitDuringInitAlone() {
        var machine = Machine(spawnedAt: start)
        #expect(trace(machine.processExited(exitPayload: exit, now: at(2))) == ["close listener"])
        #expect(!machine.isAlive)
    }

    @Test("a caller that waits for the log gets the failed init's log too")
    func exitDuringInitWithLog() {
        var machine = Machine(spawnedAt: start)
        _ = machine.invoke(pending("a", caller: 7, wantsLog: true), now: at(1))
        #expect(
            trace(machine.processExited(exitPayload: exit, now: at(2)))
                == ["close listener", "finish a +start to 7 exit a"])
    }

    @Test("/init/error after the first /next is an invalid state transition")
    func initErrorAfterNext() {
        var machine = polling()
        #expect(throws: RuntimeAPIError.invalidStateTransition) { try machine.initError(ByteBuffer()) }
    }

    @Test("init past its limit kills the process; afterwards the timer does nothing")
    func initTimeout() {
        var machine = Machine(spawnedAt: start)
        #expect(trace(machine.initTimedOut()) == ["kill"])
        var ready = polling()
        #expect(trace(ready.initTimedOut()).isEmpty)
    }

    // MARK: Answers

    @Test("a /response before any /next, for an unknown ID, or a second one, is InvalidRequestID")
    func invalidResponses() throws {
        var fresh = Machine(spawnedAt: start)
        #expect(throws: RuntimeAPIError.invalidRequestID) { try fresh.answer(requestID: "a", result: result("a", "x")) }
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(throws: RuntimeAPIError.invalidRequestID) { try machine.answer(requestID: "b", result: result("b", "x")) }
        #expect(trace(try machine.answer(requestID: "a", result: result("a", "ok"))) == ["answer 7 ok"])
        #expect(throws: RuntimeAPIError.invalidRequestID) { try machine.answer(requestID: "a", result: result("a", "x")) }
    }

    @Test("/error reaches the caller as a function error")
    func errorAnswer() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(
            trace(try machine.answer(requestID: "a", result: result("a", "boom", error: "Unhandled")))
                == ["answer 7 boom (Unhandled)"])
    }

    @Test("a caller that wants the log is answered at the next /next, with the result")
    func logWaitsForNext() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7, wantsLog: true), now: at(30))
        #expect(trace(try machine.answer(requestID: "a", result: result("a", "ok"))).isEmpty)
        #expect(
            trace(machine.next(id: 2, runtime: 2, now: at(40))) == ["cancel timer a", "finish a +init to 7 ok"])
        #expect(stateName(machine) == "polling 2")
    }

    @Test("/next while the invocation is unanswered is InvalidStateTransition; the invocation goes on")
    func nextBeforeAnswer() {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(31))) == ["reject 2 invalidStateTransition"])
        #expect(stateName(machine) == "invoking a")
    }

    @Test("a second /next while one waits is rejected; the first keeps waiting")
    func secondPoller() {
        var machine = polling()
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(31))) == ["reject 2 invalidStateTransition"])
        #expect(stateName(machine) == "polling 1")
    }

    @Test("an invocation accepted while the previous one is answered but not ended runs at the next /next")
    func queuedBehindAnswered() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = try machine.answer(requestID: "a", result: result("a", "ok"))
        #expect(trace(machine.invoke(pending("b", caller: 8), now: at(31))).isEmpty)
        #expect(stateName(machine) == "invoking a answered then b")
        #expect(
            trace(machine.next(id: 2, runtime: 2, now: at(32)))
                == ["cancel timer a", "finish a +init", "timer b", "deliver b to 2"])
    }

    // MARK: Cancellation

    @Test("a /next whose connection dropped no longer waits; the next invocation waits for a new /next")
    func droppedNext() {
        var machine = polling()
        #expect(trace(machine.nextCancelled(id: 1)).isEmpty)
        #expect(stateName(machine) == "ready")
        #expect(trace(machine.invoke(pending("a", caller: 7), now: at(30))).isEmpty)
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(31))) == ["timer a", "deliver a to 2"])
    }

    @Test("cancelling a /next that no longer waits changes nothing")
    func staleCancel() {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(trace(machine.nextCancelled(id: 1)).isEmpty)
        #expect(stateName(machine) == "invoking a")
    }

    @Test("an abandoned caller's undelivered invocation is withdrawn")
    func abandonPending() {
        var machine = Machine(spawnedAt: start)
        _ = machine.invoke(pending("a", caller: 7), now: at(1))
        #expect(trace(machine.abandon(requestID: "a")) == ["undelivered 7"])
        #expect(stateName(machine) == "initializing")
        #expect(trace(machine.abandon(requestID: "a")).isEmpty)
    }

    @Test("an abandoned caller's delivered invocation keeps running; its answer goes nowhere")
    func abandonActive() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(trace(machine.abandon(requestID: "a")) == ["undelivered 7"])
        #expect(trace(try machine.answer(requestID: "a", result: result("a", "ok"))).isEmpty)
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(40))) == ["cancel timer a", "finish a +init"])
    }

    // MARK: Timeouts and exits

    @Test("a timeout answers Sandbox.Timedout, kills the process and ends the invocation with the timeout line")
    func timeout() {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        let effects = machine.timedOut(requestID: "a", payload: ByteBuffer(string: "timed out"), line: "T", now: at(3030))
        #expect(trace(effects) == ["answer 7 timed out (Unhandled)", "kill", "close listener", "finish a +init [T]"])
        #expect(stateName(machine) == "dead")
    }

    @Test("a response that beat the timeout stands; the timeout still resets the environment")
    func responseThenTimeout() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = try machine.answer(requestID: "a", result: result("a", "ok"))
        let effects = machine.timedOut(requestID: "a", payload: ByteBuffer(string: "timed out"), line: "T", now: at(3030))
        #expect(trace(effects) == ["kill", "close listener", "finish a +init [T]"])
    }

    @Test("a response after the timeout is InvalidRequestID; a stale timer does nothing")
    func timeoutThenResponse() {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = machine.timedOut(requestID: "a", payload: ByteBuffer(), line: "T", now: at(3030))
        #expect(throws: RuntimeAPIError.invalidRequestID) { try machine.answer(requestID: "a", result: result("a", "x")) }
        #expect(trace(machine.timedOut(requestID: "a", payload: ByteBuffer(), line: "T", now: at(3031))).isEmpty)
        var other = polling()
        _ = other.invoke(pending("b", caller: 8), now: at(30))
        #expect(trace(other.timedOut(requestID: "a", payload: ByteBuffer(), line: "T", now: at(31))).isEmpty)
    }

    @Test("a timeout fails an invocation queued behind it as not run")
    func timeoutWithQueued() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = try machine.answer(requestID: "a", result: result("a", "ok"))
        _ = machine.invoke(pending("b", caller: 8), now: at(31))
        let effects = machine.timedOut(requestID: "a", payload: ByteBuffer(), line: "T", now: at(3030))
        #expect(trace(effects) == ["kill", "close listener", "finish a +init [T]", "undelivered 8"])
    }

    @Test("an exit mid-invocation fails it with Runtime.ExitError; a queued one may run elsewhere")
    func exitWhileInvoking() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        let effects = machine.processExited(exitPayload: exit, now: at(40))
        #expect(trace(effects) == ["close listener", "cancel timer a", "answer 7 exit a (Unhandled)", "finish a +init"])
        #expect(trace(machine.invoke(pending("b", caller: 8), now: at(41))) == ["undelivered 8"])
        #expect(trace(machine.next(id: 5, runtime: 5, now: at(42))) == ["reject 5 containerError"])
        #expect(trace(machine.processExited(exitPayload: exit, now: at(43))).isEmpty)
    }

    @Test("an exit while /next waits rejects it; an exit between invocations returns the queued one")
    func exitWhileIdle() {
        var machine = polling()
        #expect(trace(machine.processExited(exitPayload: exit, now: at(30))) == ["close listener", "reject 1 containerError"])
        var ready = polling()
        _ = ready.nextCancelled(id: 1)
        _ = ready.invoke(pending("a", caller: 7), now: at(30))
        #expect(trace(ready.processExited(exitPayload: exit, now: at(31))) == ["close listener", "undelivered 7"])
    }

    // MARK: Shutdown

    @Test("shutdown while /next waits: listener closed and SIGTERM, the poll left waiting; the exit then ends it")
    func shutdownWhilePolling() {
        var machine = polling()
        #expect(trace(machine.shutdown(now: at(30))) == ["close listener", "terminate"])
        #expect(stateName(machine) == "draining")
        #expect(trace(machine.shutdown(now: at(31))).isEmpty)
        // A /next while draining waits too, rather than making the runtime log an error.
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(31))).isEmpty)
        #expect(trace(machine.processExited(exitPayload: exit, now: at(32))).isEmpty)
        #expect(stateName(machine) == "dead")
    }

    @Test("shutdown mid-invocation drains it: the process's exit fails it")
    func shutdownWhileInvoking() {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        #expect(trace(machine.shutdown(now: at(31))) == ["close listener", "terminate"])
        #expect(stateName(machine) == "draining a")
        #expect(trace(machine.invoke(pending("b", caller: 8), now: at(32))) == ["undelivered 8"])
        #expect(
            trace(machine.processExited(exitPayload: exit, now: at(40)))
                == ["cancel timer a", "answer 7 exit a (Unhandled)", "finish a +init"])
    }

    @Test("shutdown after the answer ends the invocation at once; shutdown during init returns the waiting one")
    func shutdownAnsweredOrInitializing() throws {
        var machine = polling()
        _ = machine.invoke(pending("a", caller: 7), now: at(30))
        _ = try machine.answer(requestID: "a", result: result("a", "ok"))
        #expect(
            trace(machine.shutdown(now: at(31))) == ["close listener", "cancel timer a", "finish a +init", "terminate"])
        var starting = Machine(spawnedAt: start)
        _ = starting.invoke(pending("b", caller: 8), now: at(1))
        #expect(trace(starting.shutdown(now: at(2))) == ["close listener", "terminate", "undelivered 8"])
    }

    // MARK: A runtime under a debugger

    @Test("under a debugger, a new runtime's /next fails the vanished one's unanswered invocation and takes over")
    func debuggerTakeover() {
        var machine = Machine(spawnedAt: start, runtimeCanBeReplaced: true)
        _ = machine.next(id: 1, runtime: 1, now: at(10))
        _ = machine.invoke(pending("a", caller: 7), now: at(20))
        _ = machine.invoke(pending("b", caller: 8), now: at(21))
        let effects = machine.next(id: 2, runtime: 2, now: at(30)) { ByteBuffer(string: "gone \($0)") }
        #expect(
            trace(effects) == [
                "cancel timer a", "answer 7 gone a (Unhandled)", "finish a +init", "timer b", "deliver b to 2",
            ])
    }

    @Test("under a debugger, a second /next replaces the first (whose process is gone)")
    func debuggerReplacesPoller() {
        var machine = Machine(spawnedAt: start, runtimeCanBeReplaced: true)
        _ = machine.next(id: 1, runtime: 1, now: at(10))
        #expect(trace(machine.next(id: 2, runtime: 2, now: at(20))) == ["reject 1 containerError"])
        #expect(stateName(machine) == "polling 2")
    }
}
