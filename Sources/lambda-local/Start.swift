import ArgumentParser
import Emulator
import Foundation
import Hummingbird
import NIOCore

/// `lambda-local start`: serve the Lambda Invoke API for every function in the template, and DynamoDB for its tables.
struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the template's functions (Lambda Invoke API, as sam local start-lambda) and tables (DynamoDB API).")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: [.short, .long], help: "Invoke API port (0 picks a free one).")
    var port = 3001

    @Option(help: "DynamoDB (and DynamoDB Streams) API port (0 picks a free one).")
    var dynamodbPort = 8000

    @Option(help: "Where tables are kept (tables.sqlite); default .lambda-local next to the template.")
    var stateDir: String?

    @Flag(help: "Keep tables in memory only; nothing is written to disk.")
    var inMemory = false

    @Option(name: [.customShort("n"), .long], help: "Environment variable overrides in SAM's JSON format.")
    var envVars: String?

    @Option(help: "Most execution environments per function when it has no ReservedConcurrentExecutions.")
    var maxEnvironments = 8

    @Flag(
        inversion: .prefixedNo,
        help:
            "Keep execution environments warm between invocations (--no-reuse-environments: every invocation is a cold start)."
    )
    var reuseEnvironments = true

    @Flag(help: "Do not build functions even if their sources changed.")
    var skipBuild = false

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if inMemory && stateDir != nil { throw ValidationError("--in-memory and --state-dir cannot be used together") }
    }

    func run() async throws {
        let console = Console()
        let workspace = try Workspace.open(templateOptions.workspaceOptions(envVars: envVars), console: console)
        let functions = workspace.template.functions
        if !skipBuild { try workspace.buildIfNeeded(functions) }
        try workspace.checkExecutables(functions)

        let state: StateLocation =
            inMemory
            ? .inMemory
            : stateDir.map { .directory($0) } ?? .defaultDirectory(templateDirectory: workspace.template.directory)
        let store = try workspace.openStore(state)
        defer {
            do { try store.close() } catch { console.write(line: "lambda-local: closing the table store failed: \(error)") }
        }
        let tables = try await TableSetup.ensure(workspace.template, in: store)

        let host = host
        let (dynamoDBPorts, announce) = AsyncStream.makeStream(of: Int.self)
        let dynamoDB = DynamoDBAPIServer(store: store).application(host: host, port: dynamodbPort) { port in
            console.write(line: "lambda-local: DynamoDB on http://\(host):\(port) (state: \(state))")
            announce.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await PortInUse.naming("--dynamodb-port", host: host, port: dynamodbPort) {
                    try await dynamoDB.runService()
                }
            }
            var ports = dynamoDBPorts.makeAsyncIterator()
            guard let dynamoDBPort = await ports.next() else { return try await group.waitForAll() }

            let template = workspace.template
            let registry = workspace.registry(
                console: console, maxEnvironments: maxEnvironments, reusesEnvironments: reuseEnvironments,
                serviceEnvironment: DynamoDBAPIServer.clientEnvironment(host: host, port: dynamoDBPort),
                streamARN: tables.streamARNResolver { template.tableARN(tableName: $0.tableName) })
            let server = InvokeAPIServer(
                registry: registry, region: template.region, accountID: template.accountID, console: console)
            let invokeAPI = server.application(host: host, port: port) { port in
                console.write(
                    line:
                        "lambda-local: Invoke API on http://\(host):\(port) (functions: \(functions.map(\.logicalID).joined(separator: ", ")))"
                )
            }
            group.addTask {
                try await PortInUse.naming("--port", host: host, port: port) { try await invokeAPI.runService() }
                await registry.shutdown()
            }
            // Both servers stop on Ctrl-C; when either stops or fails, the other is stopped too.
            try await group.next()
            group.cancelAll()
            try await group.waitForAll()
        }
        console.write(line: "lambda-local: stopped")
    }
}

/// A server could not listen because its port is taken.
struct PortInUse: Error, CustomStringConvertible {
    let option: String
    let host: String
    let port: Int

    var description: String { "\(host):\(port) is already in use; choose another \(option) (0 picks a free one)" }

    /// Runs `serve`, turning "address already in use" into this error.
    static func naming(_ option: String, host: String, port: Int, _ serve: () async throws -> Void) async throws {
        do {
            try await serve()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(option: option, host: host, port: port)
        }
    }
}
