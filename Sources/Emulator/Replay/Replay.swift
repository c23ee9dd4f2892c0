import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
import DynamoDBTypes
import EventSourceMapping
import Foundation
import SAMTemplate

/// `lambda-local replay`: feeds a JSON event log through a function's mapping logic (its template settings,
/// overridable), with the embedded DynamoDB serving the function's own calls, and sums up what happened.
public enum Replay {
    /// What to replay and how.
    public struct Options: Sendable {
        /// The function (name or logical ID).
        public var function: String
        /// The event log (JSON Lines of records, or a `{"Records":[…]}` file).
        public var eventsPath: String
        /// Which of the function's DynamoDB events supplies the settings, when it has several.
        public var eventName: String?
        /// Setting overrides (`nil` keeps the template's).
        public var batchSize: Int?
        public var maximumRetryAttempts: Int?
        public var bisectBatchOnFunctionError: Bool?
        public var reportBatchItemFailures: Bool?
        public var parallelizationFactor: Int?
        /// Enforce the age limit against the records' own times (off by default: a log is replayed "now").
        public var enforcesRecordAge: Bool
        /// Where the tables (and failure files) are; `nil` is `.lambda-local` next to the template.
        public var state: StateLocation?

        /// Options with no overrides.
        public init(function: String, eventsPath: String) {
            self.function = function
            self.eventsPath = eventsPath
            self.enforcesRecordAge = false
        }
    }

    /// What a replay did.
    public struct Summary: Sendable {
        public var records: Int
        public var statistics: LaneStatistics
        /// Where discarded batches went.
        public var destination: String
        public var elapsed: Duration
        /// Said when replay bounded retries that the settings leave unbounded.
        public var notes: [String] = []

        /// The summary lines `lambda-local replay` prints.
        public var lines: [String] {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return [
                "replayed \(records) record\(records == 1 ? "" : "s") in \(String(format: "%.3f", seconds)) s",
                "batches \(statistics.batches), invocations \(statistics.invocations), retries \(statistics.retries)",
                "records OK \(statistics.recordsSucceeded), filtered out \(statistics.recordsFiltered), sent to the failure destination \(statistics.recordsDiscarded)"
                    + (statistics.recordsDiscarded > 0 ? " (\(destination))" : ""),
            ] + notes
        }
    }

    /// The retries a batch gets in a replay whose settings say `MaximumRetryAttempts: -1` (AWS's default: retry
    /// until the record expires from the stream, up to 24 hours), so that a record that always fails ends the replay.
    public static let unboundedRetryLimit = 3

    /// Replays `options.eventsPath` into `options.function`.
    ///
    /// - Throws: ``EventLogError`` for a bad log, ``ReplayError`` for an unusable function or event, the store's and
    ///   servers' errors.
    public static func run(_ workspace: Workspace, options: Options, console: Console) async throws -> Summary {
        let function = try workspace.function(named: options.function)
        let log = try EventLog(contentsOfFile: options.eventsPath)
        let declaration = try declaration(of: function, named: options.eventName)
        var settings =
            try declaration?.settings(templatePath: workspace.template.path)
            ?? MappingSettings(startingPosition: .trimHorizon)
        settings.startingPosition = .trimHorizon
        settings.enabled = true
        if let value = options.batchSize { settings.batchSize = value }
        if let value = options.maximumRetryAttempts { settings.maximumRetryAttempts = value }
        if let value = options.bisectBatchOnFunctionError { settings.bisectBatchOnFunctionError = value }
        if let value = options.reportBatchItemFailures { settings.reportBatchItemFailures = value }
        if let value = options.parallelizationFactor { settings.parallelizationFactor = value }
        var notes: [String] = []
        if settings.maximumRetryAttempts < 0 {
            settings.maximumRetryAttempts = unboundedRetryLimit
            notes.append(
                "MaximumRetryAttempts is -1 (on AWS: retry until the record expires, up to 24 hours); replay retried each failing batch at most \(unboundedRetryLimit) times (--maximum-retry-attempts to change)"
            )
            console.write(line: "lambda-local: replay: \(notes[0])")
        }

        let template = workspace.template
        let state = options.state ?? .defaultDirectory(templateDirectory: template.directory)
        let name = declaration?.name ?? "\(function.logicalID).replay"
        let destination = FailureFile(
            destinationName: "replay-\(declaration?.destinationName ?? name)",
            directory: state.directoryPath.map { URL(fileURLWithPath: $0).appendingPathComponent("failures").path },
            console: console)
        let streamARN =
            log.records.lazy.compactMap(\.eventSourceARN).first
            ?? template.streamARN(tableName: "replay", label: StreamARN.label(for: Date()))
        let source = try EventLogSource(log: log, streamARN: streamARN, shardID: "shardId-00000000000000000001-00000001")

        let chosen = settings
        let summaryNotes = notes
        let partitionKey = declaration?.partitionKey(in: template)
        let summary = try await EmbeddedServices.run(
            workspace, state: state, options: .init(maxEnvironments: chosen.parallelizationFactor), console: console
        ) { services in
            guard let pool = services.registry.pool(named: function.functionName) else {
                throw ReplayError(message: "function \(function.logicalID) is not in the registry")
            }
            let mapping = StreamMapping(
                identity: MappingIdentity(
                    uuid: UUID().uuidString.lowercased(), name: name,
                    functionARN: template.functionARN(functionName: function.functionName)),
                settings: chosen, partitionKey: partitionKey,
                environment: MappingEnvironment(
                    source: source, invoker: PoolInvoker(pool: pool), checkpoints: InMemoryCheckpointStore(),
                    destination: destination, enforcesRecordAge: options.enforcesRecordAge,
                    observe: { console.write(line: "lambda-local: \($0.line)") }))
            let started = ContinuousClock.now
            try await mapping.run(untilDrained: true)
            return Summary(
                records: log.records.count, statistics: mapping.statistics, destination: destination.name,
                elapsed: ContinuousClock.now - started, notes: summaryNotes)
        }
        guard let summary else { throw EmbeddedServicesError(message: "the replay was interrupted") }
        return summary
    }

    private static func declaration(of function: FunctionDefinition, named name: String?) throws(ReplayError)
        -> MappingDeclaration?
    {
        let events = function.streamEvents
        if let name {
            guard let event = events.first(where: { $0.name == name }) else {
                throw ReplayError(
                    message:
                        "function \(function.logicalID) has no DynamoDB event \"\(name)\"; it has: \(events.map(\.name).joined(separator: ", "))"
                )
            }
            return MappingDeclaration(function: function, event: event)
        }
        guard events.count <= 1 else {
            throw ReplayError(
                message:
                    "function \(function.logicalID) has several DynamoDB events; choose one with --mapping-event (\(events.map(\.name).joined(separator: ", ")))"
            )
        }
        return events.first.map { MappingDeclaration(function: function, event: $0) }
    }
}

/// A replay that cannot run.
public struct ReplayError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

