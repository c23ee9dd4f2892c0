import ArgumentParser
import Emulator
import Hummingbird

/// `lambda-local start`: serve the Lambda Invoke API for every function in the template.
struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the template's functions through the Lambda Invoke API (as sam local start-lambda).")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: [.short, .long], help: "Invoke API port (0 picks a free one).")
    var port = 3001

    @Option(name: [.customShort("n"), .long], help: "Environment variable overrides in SAM's JSON format.")
    var envVars: String?

    @Option(help: "Most execution environments per function when it has no ReservedConcurrentExecutions.")
    var maxEnvironments = 8

    @Flag(inversion: .prefixedNo, help: "Keep execution environments warm between invocations (--no-reuse-environments: every invocation is a cold start).")
    var reuseEnvironments = true

    @Flag(help: "Do not build functions even if their sources changed.")
    var skipBuild = false

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let console = Console()
        let workspace = try Workspace.open(templateOptions.workspaceOptions(envVars: envVars), console: console)
        let functions = workspace.template.functions
        if !skipBuild { try workspace.buildIfNeeded(functions) }
        try workspace.checkExecutables(functions)

        let registry = workspace.registry(
            console: console, maxEnvironments: maxEnvironments, reusesEnvironments: reuseEnvironments)
        let server = InvokeAPIServer(
            registry: registry, region: workspace.template.region, accountID: workspace.template.accountID, console: console)
        let host = host
        let app = server.application(host: host, port: port) { port in
            console.write(line: "lambda-local: Invoke API on http://\(host):\(port) (functions: \(functions.map(\.logicalID).joined(separator: ", ")))")
        }
        try await app.runService()
        await registry.shutdown()
        console.write(line: "lambda-local: stopped")
    }
}
