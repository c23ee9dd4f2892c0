import DynamoDBTypes
import SAMTemplate
import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs Lambda handlers in process against the embedded DynamoDB engine in memory, with the tables that
/// `template.json` declares: no processes, no ports, a fresh engine per harness (like HummingbirdTesting).
///
/// ```swift
/// let harness = try await LambdaTestHarness()
/// let handler = MyHandler(operations: harness.operations)
/// let response = try await harness.invoke(handler, eventFile: "my-event.json")
/// ```
public struct LambdaTestHarness: Sendable {
    /// The loaded template.
    public let template: Template
    /// The in-memory engine holding the template's tables.
    public let store: TableStore
    /// The engine behind the client protocol; give it to the handler under test.
    public let operations: TableStoreOperations
    /// What handlers invoked through this harness logged.
    public let logs: LogRecorder
    /// Where ``invoke(_:eventFile:functionName:)`` looks for relative event files: `events/` beside the template.
    public let eventsDirectory: String

    /// Loads the template and creates its tables in a fresh in-memory engine.
    ///
    /// - Parameters:
    ///   - templatePath: The template; nil finds `template.json` in the directory of `filePath` or the nearest
    ///     directory above it.
    ///   - filePath: Where the search starts; the caller's source file by default.
    ///   - now: The engine's clock (stream record times).
    ///   - indexPropagationDelay: How far global secondary index reads lag the table (as `start
    ///     --gsi-propagation-delay`); delayed changes show only after `store.applyDueIndexUpdates()`.
    /// - Throws: ``LambdaTestingError`` `.template` when no template is found or it does not load, `.table` when
    ///   a table cannot be created.
    public init(
        templatePath: String? = nil, filePath: String = #filePath, now: @escaping @Sendable () -> Date = { Date() },
        indexPropagationDelay: Duration = .zero
    ) async throws(LambdaTestingError) {
        let path: String
        if let templatePath { path = templatePath } else { path = try Self.findTemplate(above: filePath) }
        do {
            template = try TemplateLoader.load(contentsOf: path)
        } catch {
            throw LambdaTestingError(.template, "Template \"\(path)\" did not load: \(error)")
        }
        do {
            var configuration = TableStore.Configuration(
                region: template.region, accountID: template.accountID, now: now)
            configuration.indexPropagationDelay = indexPropagationDelay
            store = try TableStore(inMemory: configuration)
        } catch {
            throw LambdaTestingError(.table, "The in-memory engine did not open: \(error)")
        }
        operations = TableStoreOperations(store: store)
        logs = LogRecorder()
        eventsDirectory = URL(fileURLWithPath: template.directory).appendingPathComponent("events").path
        for table in template.tables {
            do {
                _ = try await store.ensureTable(table.createTableInput)
            } catch {
                throw LambdaTestingError(
                    .table, "Table \"\(table.tableName)\" of \"\(path)\" could not be created: \(error)")
            }
        }
    }

    /// The nearest `template.json` at or above the directory of `filePath`.
    ///
    /// - Throws: ``LambdaTestingError`` `.template` naming where the search started.
    public static func findTemplate(above filePath: String, name: String = "template.json") throws(LambdaTestingError)
        -> String
    {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path {
                throw LambdaTestingError(
                    .template,
                    "No \"\(name)\" found in \"\(URL(fileURLWithPath: filePath).deletingLastPathComponent().path)\" or above"
                )
            }
            directory = parent
        }
    }

    /// The environment the template declares for `function` (name or logical ID), stream ARNs with the load-time
    /// label.
    ///
    /// - Throws: ``LambdaTestingError`` `.unknownFunction` naming the function and the declared ones.
    public func environment(function: String) throws(LambdaTestingError) -> [String: String] {
        guard let definition = template.function(named: function) else {
            let names = template.functions.map { "\"\($0.functionName)\"" }.joined(separator: ", ")
            throw LambdaTestingError(
                .unknownFunction, "Template declares no function \"\(function)\" (declared: \(names))")
        }
        return definition.environment
    }

    /// A record factory for the stream of `table` (name or logical ID): its key names, view type and live ARN.
    ///
    /// - Throws: ``LambdaTestingError`` `.table` when the template has no such table or it has no stream.
    public func streamRecords(table name: String) async throws(LambdaTestingError) -> StreamRecordFactory {
        guard let table = template.table(named: name), let viewType = table.streamViewType else {
            throw LambdaTestingError(.table, "Template declares no table \"\(name)\" with a stream")
        }
        let arn: String
        do {
            let description = try await store.describeTable(DescribeTableInput(tableName: table.tableName))
            arn =
                description.table?.latestStreamArn
                ?? template.streamARN(
                    tableName: table.tableName, label: "1970-01-01T00:00:00.000")
        } catch {
            throw LambdaTestingError(.table, "Table \"\(table.tableName)\" could not be described: \(error)")
        }
        let keyNames = [table.keySchema.partitionKey] + (table.keySchema.sortKey.map { [$0] } ?? [])
        return StreamRecordFactory(streamARN: arn, keyNames: keyNames, viewType: viewType, region: template.region)
    }

    /// Every item of `table`, in the engine's scan order (all pages).
    ///
    /// - Throws: ``LambdaTestingError`` `.table` when the scan fails.
    public func items(of table: String) async throws(LambdaTestingError) -> [Item] {
        var items: [Item] = []
        var start: Item?
        repeat {
            do {
                let output = try await store.scan(ScanInput(tableName: table, exclusiveStartKey: start))
                items += output.items ?? []
                start = output.lastEvaluatedKey
            } catch {
                throw LambdaTestingError(.table, "Scan of \"\(table)\" failed: \(error)")
            }
        } while start != nil
        return items
    }
}
