import Hummingbird
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// What `lambda-local start` serves, wired together: the table store with the template's tables, the DynamoDB API,
/// the functions and the Invoke API; Ctrl-C (or either server failing) stops everything and closes the store.
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

    /// Serves until interrupted.
    /// - Throws: a table that does not match its declaration, a port in use, or a server failure.
    public static func run(_ workspace: Workspace, options: Options, console: Console) async throws {
        let template = workspace.template
        let state = options.state ?? .defaultDirectory(templateDirectory: template.directory)
        let host = options.host
        let services = EmbeddedServices.Options(
            host: host, dynamoDBPort: options.dynamoDBPort, maxEnvironments: options.maxEnvironments,
            reusesEnvironments: options.reusesEnvironments, announces: true)
        _ = try await EmbeddedServices.run(workspace, state: state, options: services, console: console) { services in
            let mappings = try await MappingSupervisor.make(
                template: template, tables: services.tables, store: services.store, registry: services.registry,
                state: state, remote: options.remoteStreams, console: console)
            let server = InvokeAPIServer(
                registry: services.registry, region: template.region, accountID: template.accountID, console: console,
                mappings: mappings)
            let functions = template.functions.map(\.logicalID).joined(separator: ", ")
            let invokeAPI = server.application(host: host, port: options.invokePort) { port in
                console.write(line: "lambda-local: Invoke API on http://\(host):\(port) (functions: \(functions))")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await PortInUse.naming("--port", host: host, port: options.invokePort) {
                        try await invokeAPI.runService()
                    }
                }
                if !mappings.mappings.isEmpty {
                    let names = mappings.mappings.map(\.identity.name).joined(separator: ", ")
                    console.write(line: "lambda-local: event source mappings: \(names)")
                    // The mappings run until the servers stop; a mapping never ends the emulator on its own.
                    group.addTask {
                        await mappings.run()
                        // Disabled mappings return at once; stay until the servers stop.
                        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                    }
                }
                // Both servers stop on Ctrl-C; when the Invoke API stops or fails, the mappings stop too.
                try await group.next()
                group.cancelAll()
                try await group.waitForAll()
            }
        }
        console.write(line: "lambda-local: stopped")
    }
}

/// A server could not listen because its port is taken.
public struct PortInUse: Error, CustomStringConvertible {
    /// The option that chose the port.
    public let option: String
    /// The address.
    public let host: String
    /// The port.
    public let port: Int

    public var description: String { "\(host):\(port) is already in use; choose another \(option) (0 picks a free one)" }

    /// Runs `serve`, turning "address already in use" into this error.
    static func naming(_ option: String, host: String, port: Int, _ serve: () async throws -> Void) async throws {
        do {
            try await serve()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(option: option, host: host, port: port)
        }
    }
}
