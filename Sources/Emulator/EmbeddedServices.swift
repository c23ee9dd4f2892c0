import Foundation
import TableStore

/// The table store with the template's tables, its DynamoDB API on a free loopback port and a registry whose
/// functions are pointed at it — what a command that runs functions outside `start` (`replay`, `invoke`) needs.
enum EmbeddedServices {
    /// Runs `body` with the registry while the DynamoDB API serves; stops everything when `body` returns.
    static func run<Result: Sendable>(
        _ workspace: Workspace, state: StateLocation, maxEnvironments: Int, console: Console,
        body: @escaping @Sendable (FunctionRegistry) async throws -> Result
    ) async throws -> Result {
        let template = workspace.template
        let store = try workspace.openStore(state)
        defer { try? store.close() }
        let tables = try await TableSetup.ensure(template, in: store)
        let host = "127.0.0.1"
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let dynamoDB = DynamoDBAPIServer(store: store).application(host: host, port: 0) { port in announce.yield(port) }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await dynamoDB.runService()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                throw EmbeddedServicesError(message: "the embedded DynamoDB API did not start")
            }
            let registry = workspace.registry(
                console: console, maxEnvironments: max(maxEnvironments, 1),
                serviceEnvironment: DynamoDBAPIServer.clientEnvironment(host: host, port: port),
                streamARN: tables.streamARNResolver { template.tableARN(tableName: $0.tableName) })
            do {
                let result = try await body(registry)
                await registry.shutdown()
                group.cancelAll()
                return result
            } catch {
                await registry.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }
}

/// The embedded services could not be started.
public struct EmbeddedServicesError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
