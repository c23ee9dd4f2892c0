import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
import HTTPServing
import Hummingbird
import NIOCore

/// What `lambda-local start` serves, wired together: the table store with the template's tables, the DynamoDB API,
/// the function runner, the event source mappings and the Invoke API, as services of one group; SIGINT or SIGTERM
/// (or any part failing) stops everything and closes the store.
public enum LocalEmulator {
    /// Where and how to serve.
    public struct Options: Sendable {
        /// The address both servers listen on.
        public var host: String
        /// The Invoke API port (0 picks one).
        public var invokePort: Int
        /// The DynamoDB API port (0 picks one).
        public var dynamoDBPort: Int
        /// Where tables are kept; `nil` is `.lambda-local` next to the template.
        public var state: StateLocation?
        /// Most execution environments per function without a reservation.
        public var maxEnvironments: Int
        /// Whether environments are kept warm between invocations.
        public var reusesEnvironments: Bool
        /// Another DynamoDB Streams endpoint for mappings whose stream is not one of the embedded tables'.
        public var remoteStreams: RemoteStreams?
        /// Functions whose process the user starts under a debugger (`--debug-function`).
        public var debugFunctions: [String] = []
        /// `--watch`: how to re-open the workspace when the template changes; `nil` watches nothing.
        public var watch: WorkspaceOptions?
        /// How long either server keeps an idle connection open (`--idle-timeout`).
        public var idleTimeout: Duration = HTTP1Server.defaultIdleTimeout
        /// The delay before an asynchronous invocation's first retry (`--async-retry-delay`); the second is twice it.
        public var asyncRetryDelay: Duration = .seconds(60)
        /// Time between Time to Live sweeps (`--ttl-sweep-interval`).
        public var ttlSweepInterval: Duration = .seconds(1)
        /// How far global secondary index reads lag the table (`--gsi-propagation-delay`; zero: no lag).
        public var indexPropagationDelay: Duration = .zero
        /// Records per stream shard before it is closed and a child opened (`--stream-shard-records`; `nil`: never).
        public var streamShardRecords: Int?

        /// Options; the defaults are `lambda-local start`'s.
        public init(
            host: String = "127.0.0.1", invokePort: Int = 3001, dynamoDBPort: Int = 8000, state: StateLocation? = nil,
            maxEnvironments: Int = 8, reusesEnvironments: Bool = true, remoteStreams: RemoteStreams? = nil
        ) {
            self.remoteStreams = remoteStreams
            self.host = host
            self.invokePort = invokePort
            self.dynamoDBPort = dynamoDBPort
            self.state = state
            self.maxEnvironments = maxEnvironments
            self.reusesEnvironments = reusesEnvironments
        }
    }

    /// Serves until SIGINT or SIGTERM.
    /// - Throws: a table that does not match its declaration, a port in use, or a server failure.
    public static func run(_ workspace: Workspace, options: Options, console: Console) async throws {
        let template = workspace.template
        let state = options.state ?? .defaultDirectory(templateDirectory: template.directory)
        let host = options.host
        let services = EmbeddedServices.Options(
            host: host, dynamoDBPort: options.dynamoDBPort, maxEnvironments: options.maxEnvironments,
            reusesEnvironments: options.reusesEnvironments, announces: true, debugFunctions: options.debugFunctions,
            idleTimeout: options.idleTimeout, indexPropagationDelay: options.indexPropagationDelay,
            streamShardRecords: options.streamShardRecords)
        let _: Bool? = try await EmbeddedServices.run(workspace, state: state, options: services, console: console) {
            services in
            await services.add(
                StoreMaintenance(store: services.store, ttlSweepInterval: options.ttlSweepInterval, console: console),
                name: "table store maintenance")
            let factory: MappingHost.Factory = { template, tables in
                try await MappingSupervisor.make(
                    template: template, tables: tables, store: services.store, registry: services.registry,
                    stateDirectory: state.directoryPath, remote: options.remoteStreams, console: console)
            }
            let mappings = MappingHost(
                supervisor: try await factory(template, services.tables), factory: factory, console: console)
            let names = mappings.supervisor.mappings.map(\.identity.name)
            if !names.isEmpty {
                console.write(line: "lambda-local: event source mappings: \(names.joined(separator: ", "))")
            }
            if !names.isEmpty || options.watch != nil {
                await services.add(mappings, name: "event source mappings")
            }
            if let watch = options.watch {
                let watcher = WatchService(
                    workspaceOptions: watch, initial: workspace, registry: services.registry, store: services.store,
                    serviceEnvironment: services.serviceEnvironment, debugged: Set(options.debugFunctions),
                    mappings: mappings, console: console)
                await services.add(watcher, name: "file watcher")
            }
            let events = try state.directoryPath.map { try AsyncEventStore(directory: $0) } ?? AsyncEventStore()
            await services.add(
                AsyncDispatcher(
                    store: events, registry: services.registry, template: template,
                    firstRetryDelay: options.asyncRetryDelay, perFunctionLimit: options.maxEnvironments / 2,
                    stateDirectory: state.directoryPath, console: console),
                name: "asynchronous invocations")
            let server = InvokeAPIServer(
                registry: services.registry, region: template.region, accountID: template.accountID, console: console,
                events: events, mappings: mappings)
            let functions = template.functions.map(\.logicalID).joined(separator: ", ")
            let invokeAPI = server.application(
                host: host, port: options.invokePort, idleTimeout: options.idleTimeout, logger: services.logger) { port in
                InheritedDescriptors.markCloseOnExec()
                console.write(line: "lambda-local: Invoke API on http://\(host):\(port) (functions: \(functions))")
            }
            await services.add(
                ListeningService(
                    application: invokeAPI, option: "--port", host: host, port: options.invokePort,
                    description: "Invoke API"),
                name: "Invoke API")
            return nil
        }
        console.write(line: "lambda-local: stopped")
    }
}
