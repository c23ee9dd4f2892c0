import FunctionRunner
import DynamoDBEndpoint
import Foundation
import Logging
import HTTPServing
import ServiceLifecycle
import TableStore

/// The table store with the template's tables, its DynamoDB API, and a registry whose functions are pointed at
/// it: what `start`, `replay` and `invoke` run functions with.
///
/// Every running part is a swift-service-lifecycle `Service` in one `ServiceGroup` with one handler for SIGINT and
/// SIGTERM: the DynamoDB endpoint, the function runner, and what the command adds (the Invoke API and the mappings
/// for `start`). On a signal the group stops them newest first — the Invoke API stops accepting, the mappings stop,
/// invocations in flight get a short grace, every runtime gets SIGTERM and then SIGKILL, the DynamoDB endpoint
/// stops last — and the store is checkpointed and closed.
public struct EmbeddedServices: Sendable {
    /// The open store.
    let store: TableStore
    /// The template's tables as set up in it.
    let tables: TableSetup
    /// Every function of the template, with the DynamoDB endpoint in its environment.
    let registry: FunctionRegistry
    /// The logger the servers and the group write to (through the console).
    let logger: Logger
    /// What every function's environment gets to reach the embedded DynamoDB.
    let serviceEnvironment: [String: String]
    private let group: ServiceGroup

    /// How long the group lets its parts stop on their own before it cancels them.
    static let gracefulShutdownLimit: Duration = .milliseconds(300)

    /// Where and how the DynamoDB API and the functions run.
    struct Options: Sendable {
        var host = "127.0.0.1"
        /// 0 picks a free port.
        var dynamoDBPort = 0
        var maxEnvironments = 8
        var reusesEnvironments = true
        /// Print the `lambda-local: DynamoDB on …` line (as `start` does).
        var announces = false
        /// Functions (logical IDs or names) whose process the user starts under a debugger.
        var debugFunctions: [String] = []
        /// How long the DynamoDB endpoint keeps an idle connection open.
        var idleTimeout: Duration = HTTP1Server.defaultIdleTimeout
        /// How far global secondary index reads lag the table (`--gsi-propagation-delay`).
        var indexPropagationDelay: Duration = .zero
        /// Records per stream shard before it rolls over (`--stream-shard-records`; `nil`: one shard per stream).
        var streamShardRecords: Int? = nil
    }

    /// Adds a service to the running group; it is stopped before the ones already there.
    func add(_ service: any Service, name: String) async {
        await group.addServiceUnlessShutdown(.init(service: service, serviceName: name))
    }

    /// Opens the store at `state` (first killing function processes a crashed emulator left running on it), sets up
    /// the template's tables, serves the DynamoDB API and runs the function runner; then runs `body`. When `body`
    /// returns a result the group shuts down and the result is returned; when it returns `nil` the group runs until
    /// SIGINT or SIGTERM (or a part fails) and `nil` is returned. The store is closed at the end either way.
    ///
    /// - Throws: ``TableSetupError``, ``PortInUse``, the store's errors, or what `body` throws.
    static func run<Result: Sendable>(
        _ workspace: Workspace, state: StateLocation, options: Options, console: Console,
        body: @escaping @Sendable (EmbeddedServices) async throws -> Result?
    ) async throws -> Result? {
        let template = workspace.template
        let ledger = try state.directoryPath.map { try ProcessLedger(stateDirectory: $0) }
        let survivors = ledger?.killSurvivors() ?? []
        if !survivors.isEmpty {
            console.write(line: "lambda-local: stopped \(survivors.count) function process(es) left by an emulator that crashed")
        }
        let store = try workspace.openStore(
            state, indexPropagationDelay: options.indexPropagationDelay, streamShardRecords: options.streamShardRecords)
        defer {
            do { try store.close() } catch { console.write(line: "lambda-local: closing the table store failed: \(error)") }
        }
        let tables = try await TableSetup.ensure(template, in: store)
        let host = options.host
        let logger = ConsoleLogHandler.logger("lambda-local", console: console)
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let dynamoDB = DynamoDBAPIServer(store: store).application(
            host: host, port: options.dynamoDBPort, idleTimeout: options.idleTimeout, logger: logger
        ) { port in
            InheritedDescriptors.markCloseOnExec()
            if options.announces {
                console.write(line: "lambda-local: DynamoDB on http://\(host):\(port) (state: \(state))")
            }
            announce.yield(port)
            announce.finish()
        }
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(
                    service: ListeningService(
                        application: dynamoDB, option: "--dynamodb-port", host: host, port: options.dynamoDBPort,
                        description: "DynamoDB endpoint"),
                    serviceName: "DynamoDB endpoint")
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracefulShutdownLimit
        let group = ServiceGroup(configuration: configuration)
        let ran = try await withThrowingTaskGroup(of: BodyRun<Result>?.self) { tasks in
            tasks.addTask {
                defer { announce.finish() }
                try await group.run()
                return nil
            }
            tasks.addTask {
                var iterator = ports.makeAsyncIterator()
                // No port: the endpoint could not listen, and the group reports why.
                guard let port = await iterator.next() else { return nil }
                let serviceEnvironment = DynamoDBAPIServer.clientEnvironment(host: host, port: port)
                let registry = workspace.registry(
                    console: console, maxEnvironments: max(options.maxEnvironments, 1),
                    reusesEnvironments: options.reusesEnvironments, ledger: ledger,
                    serviceEnvironment: serviceEnvironment,
                    streamARN: tables.streamARNResolver { template.tableARN(tableName: $0.tableName) },
                    debugged: Set(options.debugFunctions))
                await group.addServiceUnlessShutdown(
                    .init(service: FunctionRunnerService(registry: registry), serviceName: "function runner"))
                let services = EmbeddedServices(
                    store: store, tables: tables, registry: registry, logger: logger,
                    serviceEnvironment: serviceEnvironment, group: group)
                var run = BodyRun<Result>(registry: registry)
                do {
                    try await DebugAttachment.prepare(
                        options.debugFunctions, registry: registry, workspace: workspace, state: state, console: console)
                    run.outcome = try await body(services).map { .success($0) }
                } catch {
                    run.outcome = .failure(error)
                }
                if run.outcome != nil { await group.triggerGracefulShutdown() }
                return run
            }
            var ran: BodyRun<Result>?
            while let next = try await tasks.next() { ran = next ?? ran }
            return ran
        }
        // Whatever ended the group, no function process outlives it.
        await ran?.registry.shutdown()
        return try ran?.outcome?.get()
    }
}

/// What the body of ``EmbeddedServices/run(_:state:options:console:body:)`` ran with and returned.
private struct BodyRun<Result: Sendable>: Sendable {
    let registry: FunctionRegistry
    var outcome: Swift.Result<Result, any Error>?
}

/// The embedded services could not be started, or were interrupted.
public struct EmbeddedServicesError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
