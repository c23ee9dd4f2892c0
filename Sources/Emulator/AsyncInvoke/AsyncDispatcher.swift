import FunctionRunner
import DynamoDBEndpoint
import Foundation
import NIOCore
import SAMTemplate
import ServiceLifecycle
import StreamTriggers
import Synchronization

/// Runs the queued asynchronous invocations apart from the synchronous ones: at most ``perFunctionLimit`` attempts
/// of a function at a time (so a burst of events never takes every execution environment from `RequestResponse`
/// callers, and only the events being attempted have their payload in memory), retries and destinations by
/// ``AsyncRetryRule``. On shutdown attempts in flight are cancelled and every unfinished event stays in the store
/// for the next start.
final class AsyncDispatcher: Service, CustomStringConvertible, Sendable {
    let store: AsyncEventStore
    let registry: FunctionRegistry
    let destinations: AsyncDestinations
    /// The rules per function name (Lambda's defaults for a function the template no longer declares).
    let rules: [String: AsyncRetryRule]
    let defaultRule: AsyncRetryRule
    /// Attempts of one function that may run at once.
    let perFunctionLimit: Int
    /// How often the store is looked at for due events when nothing woke the dispatcher.
    let pollInterval: Duration
    private let inFlight = Mutex<[String: Set<String>]>([:])
    private let console: Console
    var description: String { "asynchronous invocations" }

    init(
        store: AsyncEventStore, registry: FunctionRegistry, template: Template, firstRetryDelay: Duration,
        perFunctionLimit: Int, stateDirectory: String?, console: Console, pollInterval: Duration = .milliseconds(50)
    ) {
        self.store = store
        self.registry = registry
        self.console = console
        self.perFunctionLimit = max(1, perFunctionLimit)
        self.pollInterval = pollInterval
        self.defaultRule = AsyncRetryRule(config: EventInvokeConfig(), firstRetryDelay: firstRetryDelay)
        var rules: [String: AsyncRetryRule] = [:]
        var configs: [String: EventInvokeConfig] = [:]
        for function in template.functions {
            let config = function.eventInvokeConfig ?? EventInvokeConfig()
            rules[function.functionName] = AsyncRetryRule(config: config, firstRetryDelay: firstRetryDelay)
            configs[function.functionName] = config
        }
        self.rules = rules
        self.destinations = AsyncDestinations(
            store: store, registry: registry, configs: configs, region: template.region,
            accountID: template.accountID, failuresDirectory: stateDirectory.map {
                URL(fileURLWithPath: $0).appendingPathComponent("failures/async").path
            }, console: console)
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await self.loop() }
    }

    private func loop() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                for (requestID, function) in await dueEvents() {
                    group.addTask { await self.attempt(requestID, function: function) }
                }
                do { try await Task.sleep(for: pollInterval) } catch { break }
            }
            group.cancelAll()
        }
    }

    /// Due events whose function has a free slot, marked in flight.
    private func dueEvents() async -> [(String, String)] {
        let candidates: [(requestID: String, function: String)]
        do {
            candidates = try await store.due(at: Date(), limit: 200)
        } catch {
            console.write(line: "lambda-local: reading the asynchronous queue failed: \(error)")
            return []
        }
        return inFlight.withLock { inFlight in
            var chosen: [(String, String)] = []
            for candidate in candidates {
                var running = inFlight[candidate.function, default: []]
                guard running.count < perFunctionLimit, !running.contains(candidate.requestID) else { continue }
                running.insert(candidate.requestID)
                inFlight[candidate.function] = running
                chosen.append((candidate.requestID, candidate.function))
            }
            return chosen
        }
    }

    private func attempt(_ requestID: String, function: String) async {
        defer { _ = inFlight.withLock { $0[function]?.remove(requestID) } }
        do {
            guard let event = try await store.event(requestID) else { return }
            try await run(event)
        } catch is CancellationError {
            return
        } catch {
            console.write(line: "lambda-local: asynchronous invocation \(requestID) of \(function): \(error)")
        }
    }

    private func run(_ event: QueuedEvent) async throws {
        let rule = rules[event.function] ?? defaultRule
        if rule.isExpired(acceptedAt: event.acceptedAt, now: Date()) {
            return try await finish(event, .failed(.eventAgeExceeded, attempts: event.attempts), result: nil)
        }
        guard let pool = registry.pool(named: event.function) else {
            console.write(
                line: "lambda-local: asynchronous invocation \(event.requestID): no function \(event.function); dropped")
            return try await store.remove(event.requestID)
        }
        let request = InvocationRequest(
            payload: ByteBuffer(bytes: event.payload), clientContext: event.clientContext, requestID: event.requestID,
            qualifier: event.qualifier)
        let outcome: AsyncRetryRule.Outcome
        var result: AsyncDestinations.Answer?
        do {
            let answer = try await pool.invoke(request)
            result = .init(payload: Data(answer.payload.readableBytesView), functionError: answer.functionError)
            outcome = answer.functionError == nil ? .succeeded : .functionError
        } catch {
            switch error {
            case .throttled: outcome = .throttled
            case .shuttingDown: throw CancellationError()
            case .environmentFailed(let reason):
                outcome = .functionError
                let message = AsyncDestinationRecord.quoted(reason)
                result = .init(
                    payload: Data("{\"errorMessage\":\(message),\"errorType\":\"Runtime.InitError\"}".utf8),
                    functionError: "Unhandled")
            }
        }
        if Task.isCancelled && outcome != .succeeded { throw CancellationError() }
        let decision = rule.decide(outcome, attemptsBefore: event.attempts, acceptedAt: event.acceptedAt, now: Date())
        try await finish(event, decision, result: result)
    }

    private func finish(_ event: QueuedEvent, _ decision: AsyncRetryRule.Decision, result: AsyncDestinations.Answer?) async throws {
        switch decision {
        case .retry(let at, let attempts):
            if attempts > event.attempts {
                console.write(
                    line: "lambda-local: asynchronous invocation \(event.requestID) of \(event.function) failed "
                        + "(attempt \(attempts)); retrying")
            }
            try await store.reschedule(event.requestID, attempts: attempts, notBefore: at)
        case .succeeded(let attempts):
            try await destinations.deliver(event, condition: "Success", attempts: attempts, result: result, success: true)
            try await store.remove(event.requestID)
        case .failed(let condition, let attempts):
            try await destinations.deliver(
                event, condition: condition.rawValue, attempts: attempts, result: result, success: false)
            try await store.remove(event.requestID)
        }
    }
}
