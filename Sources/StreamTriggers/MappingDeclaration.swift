import FunctionRunner
import DynamoDBEndpoint
import EventFilters
import EventSourceMapping
import DynamoDBTypes
import SAMTemplate

/// One `Type: DynamoDB` event of a template function, turned into what a mapping needs: its name, settings,
/// failure destination name and stream.
public struct MappingDeclaration: Sendable, Equatable {
    /// The function's logical ID.
    public var function: FunctionDefinition
    /// The event as declared.
    public var event: StreamEventDefinition
    /// `<Function>.<Event>`.
    /// A declaration of `function`'s `event`.
    public init(function: FunctionDefinition, event: StreamEventDefinition) {
        self.function = function
        self.event = event
    }

    public var name: String { "\(function.logicalID).\(event.name)" }

    /// Every DynamoDB event of every function in `template`, in template order.
    public static func all(in template: Template) -> [MappingDeclaration] {
        template.functions.flatMap { function in
            function.streamEvents.map { MappingDeclaration(function: function, event: $0) }
        }
    }

    /// The hash key of the template table whose stream the mapping reads (`nil` for a stream given by ARN): the
    /// attribute lanes split records by.
    public func partitionKey(in template: Template) -> String? {
        table(in: template)?.keySchema.partitionKey
    }

    /// The template table whose stream the mapping reads through `GetAtt`/`Ref` (`nil` for a stream given by ARN).
    public func table(in template: Template) -> TableDefinition? {
        guard case .table(let reference) = event.stream else { return nil }
        return template.tables.first { $0.logicalID == reference.tableLogicalID }
    }

    /// The mapping's settings; FilterCriteria compiled.
    ///
    /// - Throws: ``MappingDeclarationError`` naming the template path of a pattern Lambda would reject.
    public func settings(templatePath: String) throws(MappingDeclarationError) -> MappingSettings {
        var filter: (any RecordFilter)?
        if !event.filters.isEmpty {
            do {
                filter = TemplateFilter(criteria: try FilterCriteria(patterns: event.filters.map(\.rawPattern)))
            } catch {
                throw MappingDeclarationError(
                    file: templatePath,
                    path: "Resources.\(function.logicalID).Properties.Events.\(event.name).Properties.FilterCriteria",
                    message: error.description)
            }
        }
        var settings = MappingSettings(
            startingPosition: event.startingPosition == .latest ? .latest : .trimHorizon,
            batchSize: event.batchSize, maximumBatchingWindow: .seconds(event.maximumBatchingWindowInSeconds),
            maximumRetryAttempts: event.maximumRetryAttempts,
            maximumRecordAgeInSeconds: event.maximumRecordAgeInSeconds,
            bisectBatchOnFunctionError: event.bisectBatchOnFunctionError,
            parallelizationFactor: event.parallelizationFactor,
            reportBatchItemFailures: event.reportBatchItemFailures, filter: filter, enabled: event.enabled)
        settings.tumblingWindowInSeconds = event.tumblingWindowInSeconds
        return settings
    }

    /// The on-failure destination's name: the queue's logical ID, the last part of its ARN, or — with no
    /// destination — the mapping's own name (Lambda would drop the batch; the emulator keeps it).
    public var destinationName: String {
        switch event.onFailure?.destination {
        case .resource(let logicalID, _): logicalID
        case .arn(let arn): String(arn.split(whereSeparator: { $0 == ":" || $0 == "/" }).last ?? Substring(arn))
        case nil: "\(name).discarded"
        }
    }
}

/// A template's FilterCriteria as the mapping's record filter.
struct TemplateFilter: RecordFilter {
    let criteria: FilterCriteria

    func matches(_ record: StreamRecord) -> Bool { criteria.matches(record) }
}

/// A mapping the template declares but Lambda would not create.
public struct MappingDeclarationError: Error, CustomStringConvertible, Equatable {
    /// The template file.
    public let file: String
    /// Where in it.
    public let path: String
    /// What is wrong.
    public let message: String

    public var description: String { "\(file): \(path): \(message)" }
}
