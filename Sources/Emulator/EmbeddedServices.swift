import Foundation
import TableStore

/// The table store with the template's tables, its DynamoDB API, and a registry whose functions are pointed at
/// it: what `start`, `replay` and `invoke` run functions with.
struct EmbeddedServices: Sendable {
    /// The open store.
    let store: TableStore
    /// The template's tables as set up in it.
    let tables: TableSetup
    /// Every function of the template, with the DynamoDB endpoint in its environment.
    let registry: FunctionRegistry

    /// Where and how the DynamoDB API and the functions run.
    struct Options: Sendable {
        var host = "127.0.0.1"
        /// 0 picks a free port.
        var dynamoDBPort = 0
        var maxEnvironments = 8
        var reusesEnvironments = true
        /// Print the `lambda-local: DynamoDB on …` line (as `start` does).
        var announces = false
    }

    /// Opens the store at `state`, sets up the template's tables, serves the DynamoDB API and runs `body` beside it.
    /// When either ends or fails the other is stopped; the functions are shut down after `body` and the store is
    /// closed. Returns `body`'s result, or `nil` when the DynamoDB API stopped first (Ctrl-C).
    ///
    /// - Throws: ``TableSetupError``, ``PortInUse``, the store's errors, or what `body` throws.
    static func run<Result: Sendable>(
        _ workspace: Workspace, state: StateLocation, options: Options, console: Console,
        body: @escaping @Sendable (EmbeddedServices) async throws -> Result
    ) async throws -> Result? {
        let template = workspace.template
        let store = try workspace.openStore(state)
        defer {
            do { try store.close() } catch { console.write(line: "lambda-local: closing the table store failed: \(error)") }
        }
        let tables = try await TableSetup.ensure(template, in: store)
        let host = options.host
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let dynamoDB = DynamoDBAPIServer(store: store).application(host: host, port: options.dynamoDBPort) { port in
            if options.announces {
                console.write(line: "lambda-local: DynamoDB on http://\(host):\(port) (state: \(state))")
            }
            announce.yield(port)
        }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await PortInUse.naming("--dynamodb-port", host: host, port: options.dynamoDBPort) {
                    try await dynamoDB.runService()
                }
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw EmbeddedServicesError(message: "the embedded DynamoDB API did not start")
            }
            let registry = workspace.registry(
                console: console, maxEnvironments: max(options.maxEnvironments, 1),
                reusesEnvironments: options.reusesEnvironments,
                serviceEnvironment: DynamoDBAPIServer.clientEnvironment(host: host, port: port),
                streamARN: tables.streamARNResolver { template.tableARN(tableName: $0.tableName) })
            let services = EmbeddedServices(store: store, tables: tables, registry: registry)
            group.addTask {
                do {
                    let result = try await body(services)
                    await registry.shutdown()
                    return result
                } catch {
                    await registry.shutdown()
                    throw error
                }
            }
            let first = try await group.next()
            group.cancelAll()
            if case .some(.some(let result)) = first { return result }
            // The DynamoDB API stopped first: `body` was cancelled; take what it returns.
            while let next = try await group.next() {
                if let result = next { return result }
            }
            return nil
        }
    }
}

/// The embedded services could not be started, or were interrupted.
public struct EmbeddedServicesError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
