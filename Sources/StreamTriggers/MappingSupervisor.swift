import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import EventSourceMapping
import Foundation
import SAMTemplate
import TableStore

/// Runs every event source mapping the template declares, each on its own task, restarting a mapping whose
/// source or checkpoint store failed after a pause; serves their status.
public final class MappingSupervisor: Sendable {
    /// The mappings, in template order.
    public let mappings: [StreamMapping]
    /// What the template declared for each of ``mappings``.
    public let declarations: [MappingDeclaration]
    private let console: Console

    init(mappings: [StreamMapping], declarations: [MappingDeclaration], console: Console) {
        self.mappings = mappings
        self.declarations = declarations
        self.console = console
    }

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
        guard !declarations.isEmpty else { return MappingSupervisor(mappings: [], declarations: [], console: console) }
        let checkpoints = try stateDirectory.map { try CheckpointDatabase(directory: $0) } ?? CheckpointDatabase()
        let windows = try stateDirectory.map { try TumblingWindowDatabase(directory: $0) } ?? TumblingWindowDatabase()
        let failures = stateDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent("failures").path }
        var mappings: [StreamMapping] = []
        var declared: [MappingDeclaration] = []
        for declaration in declarations {
            let settings = try declaration.settings(templatePath: template.path)
            let (source, partitionKey) = try await Self.source(
                for: declaration, template: template, tables: tables, store: store, remote: remote)
            guard let pool = registry.pool(named: declaration.function.functionName) else { continue }
            let identity = MappingIdentity(
                uuid: try checkpoints.uuid(forMapping: declaration.name), name: declaration.name,
                functionARN: template.functionARN(functionName: declaration.function.functionName))
            let environment = MappingEnvironment(
                source: source, invoker: PoolInvoker(pool: pool), checkpoints: checkpoints,
                destination: FailureFile(
                    destinationName: declaration.destinationName, directory: failures, console: console),
                observe: { report in console.write(line: "lambda-local: \(report.line)") }, windows: windows)
            mappings.append(
                StreamMapping(identity: identity, settings: settings, partitionKey: partitionKey, environment: environment))
            declared.append(declaration)
        }
        return MappingSupervisor(mappings: mappings, declarations: declared, console: console)
    }

    /// Where `declaration` reads: a table of the template, another stream of the store, or the remote endpoint.
    private static func source(
        for declaration: MappingDeclaration, template: Template, tables: TableSetup, store: TableStore,
        remote: RemoteStreams?
    ) async throws -> (any StreamRecordSource, String?) {
        let path = "Resources.\(declaration.function.logicalID).Properties.Events.\(declaration.event.name).Properties.Stream"
        switch declaration.event.stream {
        case .table(let reference):
            guard let arn = tables.streamARNs[reference.tableLogicalID] else {
                throw MappingDeclarationError(
                    file: template.path, path: path,
                    message: "table \(reference.tableLogicalID) has no stream (add a StreamSpecification)")
            }
            return (
                try await LocalStreamSource(store: store, streamARN: arn), declaration.partitionKey(in: template)
            )
        case .arn(let arn):
            if (try? await store.shardID(streamArn: arn)) != nil {
                let table = template.tables.first { arn.contains(":table/\($0.tableName)/stream/") }
                return (try await LocalStreamSource(store: store, streamARN: arn), table?.keySchema.partitionKey)
            }
            guard let remote else {
                throw MappingDeclarationError(
                    file: template.path, path: path,
                    message:
                        "Stream not found: \(arn) is not a stream of this emulator's tables; to follow another endpoint's stream pass --streams-endpoint URL"
                )
            }
            let source = try await RemoteStreamSource.open(streamARN: arn, remote: remote)
            return (source, source.partitionKey)
        }
    }

    /// Runs every mapping until cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for mapping in mappings {
                group.addTask { await self.keepRunning(mapping) }
            }
        }
    }

    private func keepRunning(_ mapping: StreamMapping) async {
        while !Task.isCancelled {
            do {
                try await mapping.run()
                return
            } catch {
                if Task.isCancelled { return }
                console.write(line: "lambda-local: \(mapping.identity.name) stopped: \(error); restarting in 1 s")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Every mapping's status.
    public func statuses() async -> [MappingStatus] {
        var statuses: [MappingStatus] = []
        for mapping in mappings { statuses.append(await mapping.status()) }
        return statuses
    }
}
