import DynamoDBTypes
import SAMTemplate
import TableStore

/// The template's tables made real in the store: each created when missing, checked when present.
public struct TableSetup: Sendable, Equatable {
    /// What happened to one table.
    public struct Outcome: Sendable, Equatable {
        /// The table's logical ID.
        public var logicalID: String
        /// Its `TableName`.
        public var tableName: String
        /// Created now, or found with the declared schema.
        public var result: TableStore.EnsureTableResult
        /// The live stream's ARN when the table has a stream.
        public var streamARN: String?
    }

    /// One entry per template table, in template order.
    public var outcomes: [Outcome]

    /// Creates every `AWS::DynamoDB::Table` of `template` in `store` when missing and validates existing ones.
    /// - Throws: ``TableSetupError`` naming the template, the table and the difference; the store is left as it was
    ///   for that table (never dropped or altered).
    public static func ensure(_ template: Template, in store: TableStore) async throws(TableSetupError) -> TableSetup {
        var outcomes: [Outcome] = []
        for table in template.tables {
            do throws(DynamoDBError) {
                let result = try await store.ensureTable(table.createTableInput)
                try await applyTimeToLive(table, in: store)
                let description = try await store.describeTable(DescribeTableInput(tableName: table.tableName)).table
                outcomes.append(
                    Outcome(
                        logicalID: table.logicalID, tableName: table.tableName, result: result,
                        streamARN: table.streamViewType == nil ? nil : description?.latestStreamArn))
            } catch {
                throw TableSetupError(file: template.path, logicalID: table.logicalID, message: error.message)
            }
        }
        return TableSetup(outcomes: outcomes)
    }

    /// Brings the table's TTL in line with its `TimeToLiveSpecification` (enabled on the declared attribute, or
    /// disabled), as a CloudFormation deployment would; without one, a TTL set through the API is left alone.
    static func applyTimeToLive(_ table: TableDefinition, in store: TableStore) async throws(DynamoDBError) {
        guard let specification = table.timeToLive else { return }
        let declared = specification.enabled ? specification.attributeName : nil
        let current = try await store.describeTimeToLive(DescribeTimeToLiveInput(tableName: table.tableName))
            .timeToLiveDescription?.attributeName
        guard declared != current else { return }
        if let current {
            _ = try await store.updateTimeToLive(
                UpdateTimeToLiveInput(
                    tableName: table.tableName,
                    timeToLiveSpecification: TimeToLiveSpecification(attributeName: current, enabled: false)))
        }
        if let declared {
            _ = try await store.updateTimeToLive(
                UpdateTimeToLiveInput(
                    tableName: table.tableName,
                    timeToLiveSpecification: TimeToLiveSpecification(attributeName: declared, enabled: true)))
        }
    }

    /// Live stream ARNs by table logical ID.
    public var streamARNs: [String: String] {
        Dictionary(outcomes.compactMap { outcome in outcome.streamARN.map { (outcome.logicalID, $0) } }) { first, _ in
            first
        }
    }

    /// Resolves `Fn::GetAtt [Table, StreamArn]` to the live ARN; `fallback` for a table without one (which the
    /// template loader already rejects).
    public func streamARNResolver(fallback: @escaping StreamARNResolver) -> StreamARNResolver {
        let arns = streamARNs
        return { reference in arns[reference.tableLogicalID] ?? fallback(reference) }
    }
}

/// A template table that cannot be set up in the store, typically one whose existing schema differs.
public struct TableSetupError: Error, CustomStringConvertible, Equatable {
    /// The template file.
    public let file: String
    /// The table's logical ID.
    public let logicalID: String
    /// DynamoDB's message, naming the table and the difference.
    public let message: String

    public var description: String { "\(file): Resources.\(logicalID): \(message)" }
}
