import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// UpdateTable: stream enable/disable (re-enabling makes a new label and ARN), GSI create (backfilled
    /// in the same transaction) and delete, billing mode and provisioned throughput.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException or ResourceNotFoundException.
    public func updateTable(_ input: UpdateTableInput) async throws(DynamoDBError) -> UpdateTableOutput {
        try CreateTableValidation.validateStream(input.streamSpecification)
        let now = configuration.now()
        let config = configuration
        let waiters = self.waiters
        let description = try await write { db in
            let table = try TableCatalog.load(db, name: input.tableName)
            var description = table.description
            if let spec = input.streamSpecification {
                if spec.streamEnabled {
                    if table.activeStream != nil {
                        throw DynamoDBError.validation(
                            "Table already has an enabled stream: \(table.description.tableArn ?? table.name)")
                    }
                    let stream = try StreamCatalog.create(
                        db, tableName: table.name, tableARN: description.tableArn ?? "",
                        viewType: spec.streamViewType ?? .keysOnly, keySchema: description.keySchema ?? [], now: now,
                        configuration: config)
                    description.streamSpecification = spec
                    description.latestStreamArn = stream.arn
                    description.latestStreamLabel = stream.label
                } else {
                    guard let active = table.activeStream else {
                        throw DynamoDBError.validation(
                            "Table does not have an enabled stream to disable: \(table.name)")
                    }
                    try StreamCatalog.close(db, arn: active.arn, waiters: waiters)
                    description.streamSpecification = nil
                }
            }
            if let mode = input.billingMode {
                description.billingModeSummary = BillingModeSummary(
                    billingMode: mode,
                    lastUpdateToPayPerRequestDateTime: mode == .payPerRequest ? now.timeIntervalSince1970 : nil)
            }
            if let throughput = input.provisionedThroughput {
                description.provisionedThroughput = ProvisionedThroughputDescription(
                    numberOfDecreasesToday: 0, readCapacityUnits: throughput.readCapacityUnits,
                    writeCapacityUnits: throughput.writeCapacityUnits)
            }
            for update in input.globalSecondaryIndexUpdates ?? [] {
                if let create = update.create {
                    try Self.addIndex(
                        create, to: &description, definitions: input.attributeDefinitions ?? [], table: table)
                } else if let delete = update.delete {
                    guard
                        description.globalSecondaryIndexes?.contains(where: { $0.indexName == delete.indexName })
                            == true
                    else {
                        throw DynamoDBError(
                            .resourceNotFound, "Requested resource not found: Index: \(delete.indexName) not found")
                    }
                    description.globalSecondaryIndexes?.removeAll { $0.indexName == delete.indexName }
                    if description.globalSecondaryIndexes?.isEmpty == true { description.globalSecondaryIndexes = nil }
                    try db.execute(
                        sql: "DELETE FROM index_entries WHERE table_id = ? AND index_name = ?",
                        arguments: [table.id, delete.indexName])
                    try db.execute(
                        sql: "DELETE FROM index_lag_queue WHERE table_id = ? AND index_name = ?",
                        arguments: [table.id, delete.indexName])
                }
            }
            try TableCatalog.update(db, id: table.id, description: description)
            let updated = try TableCatalog.schema(id: table.id, description: description)
            for index in updated.indexes where !table.indexes.contains(where: { $0.name == index.name }) {
                try ItemStorage.backfill(db, table: updated, index: index)
            }
            return try Self.describe(db, schema: updated)
        }
        return UpdateTableOutput(tableDescription: description)
    }

    /// Adds a GSI description (and any new attribute definitions), validated like CreateTable.
    static func addIndex(
        _ create: CreateGlobalSecondaryIndexAction, to description: inout TableDescription,
        definitions: [AttributeDefinition], table: TableSchema
    ) throws(DynamoDBError) {
        var names = Set(table.indexes.map(\.name))
        try CreateTableValidation.validateIndexName(create.indexName, seen: &names)
        if (description.globalSecondaryIndexes?.count ?? 0) >= CreateTableValidation.maximumGlobalIndexes {
            throw .validation(
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of \(CreateTableValidation.maximumGlobalIndexes)"
            )
        }
        let keyNames = try CreateTableValidation.validateKeySchema(create.keySchema, indexName: create.indexName)
        try CreateTableValidation.validateProjection(create.projection, indexName: create.indexName)
        var known = description.attributeDefinitions ?? []
        for definition in definitions where !known.contains(where: { $0.attributeName == definition.attributeName }) {
            known.append(definition)
        }
        let defined = Set(known.map(\.attributeName))
        let missing = keyNames.filter { !defined.contains($0) }
        if !missing.isEmpty {
            throw .validation(
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [\(missing.joined(separator: ", "))], AttributeDefinitions: [\(known.map(\.attributeName).joined(separator: ", "))]"
            )
        }
        description.attributeDefinitions = known
        let arn = description.tableArn ?? ""
        description.globalSecondaryIndexes =
            (description.globalSecondaryIndexes ?? []) + [
                GlobalSecondaryIndexDescription(
                    indexName: create.indexName, keySchema: create.keySchema, projection: create.projection,
                    indexStatus: .active,
                    provisionedThroughput: ProvisionedThroughputDescription(
                        numberOfDecreasesToday: 0,
                        readCapacityUnits: create.provisionedThroughput?.readCapacityUnits ?? 0,
                        writeCapacityUnits: create.provisionedThroughput?.writeCapacityUnits ?? 0),
                    indexArn: "\(arn)/index/\(create.indexName)")
            ]
    }
}
