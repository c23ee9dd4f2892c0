import DynamoDBEndpoint
import FunctionRunner
import SAMTemplate
import ServiceLifecycle
import StreamTriggers
import Synchronization
import TableStore

/// The event source mappings as a service: they poll until the group shuts down, and a batch in flight is abandoned
/// then (its records were not checkpointed, so they are delivered again next time: at least once, as on AWS).
/// Under `start --watch` a changed template replaces them: the running mappings stop and the new ones carry on from
/// the same checkpoints (kept per mapping name in `<state>/mappings.sqlite`).
final class MappingHost: Service, CustomStringConvertible {
    /// Builds the mappings of a template.
    typealias Factory = @Sendable (Template, TableSetup) async throws -> MappingSupervisor

    private let current: Mutex<MappingSupervisor>
    private let factory: Factory
    private let console: Console
    private let (changes, changeSink) = AsyncStream.makeStream(of: Void.self)
    var description: String { "event source mappings" }

    init(supervisor: MappingSupervisor, factory: @escaping Factory, console: Console) {
        self.current = Mutex(supervisor)
        self.factory = factory
        self.console = console
    }

    /// The mappings running now (for the Invoke API's listing and status).
    var supervisor: MappingSupervisor { current.withLock { $0 } }

    func run() async {
        _ = try? await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var running = self.start(in: &group)
                for await _ in self.changes {
                    running.cancel()
                    running = self.start(in: &group)
                }
                try await gracefulShutdown()
            }
        }
    }

    /// Runs the current supervisor in `group`; returns a handle that stops it.
    private func start(in group: inout ThrowingTaskGroup<Void, any Error>) -> CancelHandle {
        let supervisor = self.supervisor
        let handle = CancelHandle()
        group.addTask {
            await withTaskCancellationHandler {
                await withTaskGroup(of: Void.self) { inner in
                    inner.addTask { await supervisor.run() }
                    inner.addTask { await handle.wait() }
                    await inner.next()
                    inner.cancelAll()
                }
            } onCancel: {
                handle.cancel()
            }
        }
        return handle
    }

    /// Replaces the mappings with those of `template`; on an error the running ones stay.
    func reload(template: Template, tables: TableSetup) async {
        do {
            let next = try await factory(template, tables)
            current.withLock { $0 = next }
            changeSink.yield()
            if !next.mappings.isEmpty {
                console.write(
                    line: "lambda-local: event source mappings: \(next.mappings.map(\.identity.name).joined(separator: ", "))")
            }
        } catch {
            console.write(line: "lambda-local: the new event source mappings could not start, the old ones stay: \(error)")
        }
    }
}

/// A one-shot signal: ``wait()`` returns once ``cancel()`` was called.
final class CancelHandle: Sendable {
    private let state = Mutex<(cancelled: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func cancel() {
        let waiters = state.withLock { state in
            state.cancelled = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.cancelled { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
