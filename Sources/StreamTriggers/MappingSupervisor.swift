import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import EventSourceMapping
import Foundation
import SAMTemplate
import Synchronization
import TableStore

/// Runs every event source mapping the template declares, each on its own task following its stream's shards in
/// lineage order, restarting a mapping whose source or checkpoint store failed after a pause; serves their status. A
/// mapping bound to a template table whose stream ends (the table dropped, or its stream disabled) reports the
/// problem and, once the table has a new stream, follows it from its `TRIM_HORIZON`.
public final class MappingSupervisor: Sendable {
    /// What the template declared for each of ``mappings``.
    public let declarations: [MappingDeclaration]
    private let current: Mutex<[LineageMapping]>
    /// For each mapping, the table it is bound to (`nil`: a stream given by ARN).
    private let boundTables: [String?]
    private let store: TableStore?
    private let console: Console

    init(
        mappings: [LineageMapping], declarations: [MappingDeclaration], boundTables: [String?], store: TableStore?,
        console: Console
    ) {
        self.current = Mutex(mappings)
        self.declarations = declarations
        self.boundTables = boundTables
        self.store = store
        self.console = console
    }

    /// The mappings, in template order (a mapping that moved to its table's new stream is the new one).
    public var mappings: [LineageMapping] { current.withLock { $0 } }

    /// Builds the mappings of `template` over the embedded `store` (or, for a stream ARN that is not local, the
    /// remote Streams endpoint `remote`), invoking functions from `registry`.
    ///
    /// - Throws: ``MappingDeclarationError`` for a filter Lambda would reject or a stream that cannot be found;
    ///   errors opening the checkpoint database.
    public static func make(
        template: Template, tables: TableSetup, store: TableStore, registry: FunctionRegistry, stateDirectory: String?,
        remote: RemoteStreams?, console: Console
    ) async throws -> MappingSupervisor {
        let declarations = MappingDeclaration.all(in: template)
        guard !declarations.isEmpty else {
            return MappingSupervisor(mappings: [], declarations: [], boundTables: [], store: nil, console: console)
        }
        let checkpoints = try stateDirectory.map { try CheckpointDatabase(directory: $0) } ?? CheckpointDatabase()
        let windows = try stateDirectory.map { try TumblingWindowDatabase(directory: $0) } ?? TumblingWindowDatabase()
        let failures = stateDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent("failures").path }
        var mappings: [LineageMapping] = []
        var declared: [MappingDeclaration] = []
        var boundTables: [String?] = []
        for declaration in declarations {
            let settings = try declaration.settings(templatePath: template.path)
            let (stream, partitionKey) = try await Self.stream(
                for: declaration, template: template, tables: tables, store: store, remote: remote)
            guard let newest = try await stream.shards().shards.last?.id else {
                throw RemoteStreamError(
                    streamARN: stream.streamARN, endpoint: remote?.endpoint ?? "the embedded DynamoDB",
                    message: "the stream has no shard")
            }
            guard let pool = registry.pool(named: declaration.function.functionName) else { continue }
            let identity = MappingIdentity(
                uuid: try checkpoints.uuid(forMapping: declaration.name), name: declaration.name,
                functionARN: template.functionARN(functionName: declaration.function.functionName))
            let environment = MappingEnvironment(
                source: stream.source(shardID: newest), invoker: PoolInvoker(pool: pool), checkpoints: checkpoints,
                destination: FailureFile(
                    destinationName: declaration.destinationName, directory: failures, console: console),
                observe: { report in console.write(line: "lambda-local: \(report.line)") }, windows: windows)
            mappings.append(
                LineageMapping(
                    identity: identity, settings: settings, partitionKey: partitionKey, environment: environment,
                    stream: stream, progress: checkpoints))
            declared.append(declaration)
            boundTables.append(declaration.table(in: template)?.tableName)
        }
        return MappingSupervisor(
            mappings: mappings, declarations: declared, boundTables: boundTables, store: store, console: console)
    }

    /// Where `declaration` reads: a table of the template, another stream of the store, or the remote endpoint.
    private static func stream(
        for declaration: MappingDeclaration, template: Template, tables: TableSetup, store: TableStore,
        remote: RemoteStreams?
    ) async throws -> (any ShardedStream, String?) {
        let path = "Resources.\(declaration.function.logicalID).Properties.Events.\(declaration.event.name).Properties.Stream"
        switch declaration.event.stream {
        case .table(let reference):
            guard let arn = tables.streamARNs[reference.tableLogicalID] else {
                throw MappingDeclarationError(
                    file: template.path, path: path,
                    message: "table \(reference.tableLogicalID) has no stream (add a StreamSpecification)")
            }
            return (DescribedStream.local(store: store, streamARN: arn), declaration.partitionKey(in: template))
        case .arn(let arn):
            if (try? await store.shardID(streamArn: arn)) != nil {
                let table = template.tables.first { arn.contains(":table/\($0.tableName)/stream/") }
                return (DescribedStream.local(store: store, streamARN: arn), table?.keySchema.partitionKey)
            }
            guard let remote else {
                throw MappingDeclarationError(
                    file: template.path, path: path,
                    message:
                        "Stream not found: \(arn) is not a stream of this emulator's tables; to follow another endpoint's stream pass --streams-endpoint URL"
                )
            }
            return try await remote.open(streamARN: arn)
        }
    }

    /// Runs every mapping until cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for index in mappings.indices {
                group.addTask { await self.keepRunning(index) }
            }
        }
    }

    private func keepRunning(_ index: Int) async {
        while !Task.isCancelled {
            let mapping = mappings[index]
            do {
                try await mapping.run()
                return
            } catch let end as ShardEnded {
                guard let next = await nextStream(after: end, of: mapping, table: boundTables[index]) else { return }
                current.withLock { $0[index] = next }
            } catch {
                if Task.isCancelled { return }
                console.write(line: "lambda-local: \(mapping.identity.name) stopped: \(error); restarting in 1 s")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Reports that `mapping`'s stream ended and, for a mapping bound to `table`, waits for the table's next
    /// stream (checking the catalog four times a second, as Lambda polls) and returns the mapping reading it.
    private func nextStream(after end: ShardEnded, of mapping: LineageMapping, table: String?) async -> LineageMapping? {
        let name = mapping.identity.name
        guard let table, let store else {
            mapping.report(problem: "PROBLEM: Stream ended: \(end.streamARN) is closed")
            console.write(line: "lambda-local: \(name): \(end); the mapping stops")
            return nil
        }
        mapping.report(
            problem: "PROBLEM: Stream ended: table \(table) was deleted or its stream disabled; waiting for its new stream")
        console.write(
            line: "lambda-local: \(name): \(end): table \(table) was deleted or its stream disabled; "
                + "the mapping will follow the table's next stream from TRIM_HORIZON")
        while !Task.isCancelled {
            if let description = try? await store.describeTable(DescribeTableInput(tableName: table)).table,
                description.streamSpecification?.streamEnabled == true,
                let arn = description.latestStreamArn, arn != end.streamARN,
                (try? await store.shardID(streamArn: arn)) != nil
            {
                console.write(line: "lambda-local: \(name): following the new stream \(arn) of table \(table) from TRIM_HORIZON")
                return mapping.following(DescribedStream.local(store: store, streamARN: arn))
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return nil
    }

    /// Every mapping's status.
    public func statuses() async -> [MappingStatus] {
        var statuses: [MappingStatus] = []
        for mapping in mappings { statuses.append(await mapping.status()) }
        return statuses
    }
}
