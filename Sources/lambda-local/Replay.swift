import ArgumentParser
import Emulator
import FunctionRunner

/// `lambda-local replay FUNCTION --events FILE`: a JSON event log through the function's mapping logic.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Feed a JSON event log of stream records through a function's event source mapping logic.",
        discussion: """
            Uses the function's DynamoDB event settings from the template (batching, retries, bisection, partial batch \
            responses, filters), overridable below; the embedded DynamoDB serves the function's own calls. Exits 1 if \
            any record ended at the failure destination.
            """)

    @Argument(help: "The function (name or logical ID).")
    var function: String

    @Option(
        name: [.customLong("events"), .customLong("event")],
        help: "The event log: JSON Lines of stream records, or a {\"Records\":[...]} file (--event is accepted too).")
    var events: String

    @Option(
        help: ArgumentHelp(
            "Which of the function's DynamoDB events to take the settings from, if it has several.", valueName: "NAME"))
    var mappingEvent: String?

    @Option(help: "Override BatchSize.") var batchSize: Int?
    @Option(help: "Override MaximumRetryAttempts (0 to 10000; -1, AWS's default, is replayed as \(Replay.unboundedRetryLimit)).")
    var maximumRetryAttempts: Int?
    @Option(help: "Override BisectBatchOnFunctionError (true/false).") var bisectBatchOnFunctionError: Bool?
    @Option(help: "Override ReportBatchItemFailures (true/false).") var reportBatchItemFailures: Bool?
    @Option(help: "Override ParallelizationFactor.") var parallelizationFactor: Int?

    @Flag(help: "Discard records older than MaximumRecordAgeInSeconds by their own timestamps.")
    var enforceRecordAge = false

    @Option(help: "Where tables and failure files are kept; default .lambda-local next to the template.")
    var stateDir: String?

    @Flag(help: "Keep tables in memory; failure records are printed instead of written.")
    var inMemory = false

    @OptionGroup var options: FunctionOptions

    func validate() throws {
        if let batchSize, !(1...10_000).contains(batchSize) {
            throw ValidationError("--batch-size: found \(batchSize), expected 1 to 10000")
        }
        if let maximumRetryAttempts, !(0...10_000).contains(maximumRetryAttempts) {
            throw ValidationError(
                "--maximum-retry-attempts: found \(maximumRetryAttempts), expected 0 to 10000 (a replay needs a bound)")
        }
        if let parallelizationFactor, !(1...10).contains(parallelizationFactor) {
            throw ValidationError("--parallelization-factor: found \(parallelizationFactor), expected 1 to 10")
        }
        if inMemory && stateDir != nil { throw ValidationError("--in-memory and --state-dir cannot be used together") }
    }

    func run() async throws {
        let console = Console()
        let workspace = try options.openWorkspace(console: console, function: function)
        var replay = Replay.Options(function: function, eventsPath: events)
        replay.eventName = mappingEvent
        replay.batchSize = batchSize
        replay.maximumRetryAttempts = maximumRetryAttempts
        replay.bisectBatchOnFunctionError = bisectBatchOnFunctionError
        replay.reportBatchItemFailures = reportBatchItemFailures
        replay.parallelizationFactor = parallelizationFactor
        replay.enforcesRecordAge = enforceRecordAge
        replay.state = inMemory ? .inMemory : stateDir.map { .directory($0) }
        let summary = try await Replay.run(workspace, options: replay, console: console)
        for line in summary.lines { print(line) }
        if summary.statistics.recordsDiscarded > 0 { throw ExitCode(1) }
    }
}
