import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
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
            reusesEnvironments: options.reusesEnvironments, announces: true, debugFunctions: options.debugFunctions)
        let _: Bool? = try await EmbeddedServices.run(workspace, state: state, options: services, console: console) {
            services in
            let mappings = try await MappingSupervisor.make(
                template: template, tables: services.tables, store: services.store, registry: services.registry,
                stateDirectory: state.directoryPath, remote: options.remoteStreams, console: console)
            if !mappings.mappings.isEmpty {
                let names = mappings.mappings.map(\.identity.name).joined(separator: ", ")
                console.write(line: "lambda-local: event source mappings: \(names)")
                await services.add(MappingService(supervisor: mappings), name: "event source mappings")
            }
            let server = InvokeAPIServer(
                registry: services.registry, region: template.region, accountID: template.accountID, console: console,
                mappings: mappings)
            let functions = template.functions.map(\.logicalID).joined(separator: ", ")
            let invokeAPI = server.application(host: host, port: options.invokePort, logger: services.logger) { port in
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
