import ArgumentParser
import Emulator
import FunctionRunner
import StreamTriggers

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

    @Option(help: "Most execution environments per function when it has no ReservedConcurrentExecutions.")
    var maxEnvironments = 8

    @Flag(
        inversion: .prefixedNo,
        help:
            "Keep execution environments warm between invocations (--no-reuse-environments: every invocation is a cold start)."
    )
    var reuseEnvironments = true

    @Option(
        help:
            "A DynamoDB Streams endpoint (e.g. moto_server's) for mappings whose Stream ARN is not one of the template's tables.")
    var streamsEndpoint: String?

    @Option(
        name: .customLong("debug-function"),
        help: ArgumentHelp(
            "Start no process for this function (repeatable): its environment is printed and written to <state>/debug/<NAME>.env for you to launch it under a debugger; its invocations wait for it, with no timeout.",
            valueName: "NAME"))
    var debugFunctions: [String] = []

    @Flag(
        help:
            "Watch the template and every function's sources: rebuild and swap a function when its sources change, apply template changes without a restart."
    )
    var watch = false

    @Option(help: ArgumentHelp("Close connections idle this long on either port.", valueName: "SECONDS"))
    var idleTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            "Wait this long before an Event invocation's first retry (the second waits twice as long).",
            valueName: "SECONDS"))
    var asyncRetryDelay: Double = 60

    @Option(help: ArgumentHelp("Time between Time to Live sweeps (deletions of expired items).", valueName: "SECONDS"))
    var ttlSweepInterval: Double = 1

    @Option(
        help: ArgumentHelp(
            "Make global secondary index reads lag the table by this much, as AWS's eventually consistent indexes can (0: no lag).",
            valueName: "MILLISECONDS"))
    var gsiPropagationDelay = 0

    @Option(
        help: ArgumentHelp(
            "Close a table's current stream shard every N records and open a child shard, as AWS rolls shards over (off by default).",
            valueName: "N"))
    var streamShardRecords: Int?

    @OptionGroup var options: FunctionOptions

    func validate() throws {
        if inMemory && stateDir != nil { throw ValidationError("--in-memory and --state-dir cannot be used together") }
        if !(idleTimeout > 0 && idleTimeout <= 86_400) {
            throw ValidationError("--idle-timeout must be a number of seconds above 0 and at most 86400, found \(idleTimeout)")
        }
        if !(asyncRetryDelay >= 0 && asyncRetryDelay <= 3_600) {
            throw ValidationError(
                "--async-retry-delay must be a number of seconds from 0 to 3600, found \(asyncRetryDelay)")
        }
        if !(ttlSweepInterval >= 0.01 && ttlSweepInterval <= 86_400) {
            throw ValidationError(
                "--ttl-sweep-interval must be a number of seconds from 0.01 to 86400, found \(ttlSweepInterval)")
        }
        if !(0...600_000).contains(gsiPropagationDelay) {
            throw ValidationError(
                "--gsi-propagation-delay must be a number of milliseconds from 0 to 600000, found \(gsiPropagationDelay)")
        }
        if let streamShardRecords, !(1...1_000_000).contains(streamShardRecords) {
            throw ValidationError(
                "--stream-shard-records must be a number of records from 1 to 1000000, found \(streamShardRecords)")
        }
    }

    func run() async throws {
        let console = Console()
        let workspace = try options.openWorkspace(console: console)
        let state: StateLocation? = inMemory ? .inMemory : stateDir.map { .directory($0) }
        for name in debugFunctions { _ = try workspace.function(named: name) }
        var emulatorOptions = LocalEmulator.Options(
            host: host, invokePort: port, dynamoDBPort: dynamodbPort, state: state, maxEnvironments: maxEnvironments,
            reusesEnvironments: reuseEnvironments,
            remoteStreams: streamsEndpoint.map { RemoteStreams(endpoint: $0, region: workspace.template.region) })
        emulatorOptions.debugFunctions = debugFunctions
        emulatorOptions.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        emulatorOptions.asyncRetryDelay = .milliseconds(Int64(asyncRetryDelay * 1000))
        emulatorOptions.ttlSweepInterval = .milliseconds(Int64(ttlSweepInterval * 1000))
        emulatorOptions.indexPropagationDelay = .milliseconds(gsiPropagationDelay)
        emulatorOptions.streamShardRecords = streamShardRecords
        if watch { emulatorOptions.watch = options.template.workspaceOptions(envVars: options.envVars) }
        try await LocalEmulator.run(workspace, options: emulatorOptions, console: console)
    }
}
