import DynamoDBTypes
import GRDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TableStore {
    /// CreateTable: validates like DynamoDB and creates an ACTIVE table (and its stream, if specified).
    ///
    /// - Throws: ``DynamoDBError`` ValidationException, or ResourceInUseException "Table already exists: <name>".
    public func createTable(_ input: CreateTableInput) async throws(DynamoDBError) -> CreateTableOutput {
        try CreateTableValidation.validate(input)
        let now = configuration.now()
        let arn = tableARN(input.tableName)
        let config = configuration
        let description = try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM tables WHERE name = ?", arguments: [input.tableName]) == true {
                throw DynamoDBError(.resourceInUse, "Table already exists: \(input.tableName)")
            }
            var description = Self.initialDescription(input, arn: arn, now: now)
            let id = try TableCatalog.insert(db, description: description)
            if let spec = input.streamSpecification, spec.streamEnabled, let viewType = spec.streamViewType {
                let stream = try StreamCatalog.create(
                    db, tableName: input.tableName, tableARN: arn, viewType: viewType,
                    keySchema: input.keySchema ?? [], now: now, configuration: config)
                description.latestStreamArn = stream.arn
                description.latestStreamLabel = stream.label
                try TableCatalog.update(db, id: id, description: description)
            }
            return try Self.describe(db, schema: TableCatalog.schema(id: id, description: description))
        }
        return CreateTableOutput(tableDescription: description)
    }

    /// DescribeTable: the table's description with live ItemCount/TableSizeBytes.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException "Requested resource not found".
    public func describeTable(_ input: DescribeTableInput) async throws(DynamoDBError) -> DescribeTableOutput {
        let description = try await read { db in
            try Self.describe(db, schema: TableCatalog.load(db, name: input.tableName))
        }
        return DescribeTableOutput(table: description)
    }

    /// DeleteTable: removes the table, its items and indexes; its stream is closed but stays readable.
    ///
    /// - Throws: ``DynamoDBError`` ResourceNotFoundException.
    public func deleteTable(_ input: DeleteTableInput) async throws(DynamoDBError) -> DeleteTableOutput {
        let waiters = self.waiters
        let description = try await write { db in
            let schema = try TableCatalog.load(db, name: input.tableName)
            var description = try Self.describe(db, schema: schema)
            if let arn = schema.activeStream?.arn { try StreamCatalog.close(db, arn: arn, waiters: waiters) }
            try TableCatalog.delete(db, id: schema.id)
            description.tableStatus = .deleting
            return description
        }
        return DeleteTableOutput(tableDescription: description)
    }

    /// ListTables: names in byte order, at most `Limit` (1…100, default 100), with LastEvaluatedTableName.
    public func listTables(_ input: ListTablesInput) async throws(DynamoDBError) -> ListTablesOutput {
        let limit = input.limit ?? 100
        guard (1...100).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        let names = try await read { db in
            try TableCatalog.names(db, after: input.exclusiveStartTableName, limit: limit + 1)
        }
        let page = Array(names.prefix(limit))
        return ListTablesOutput(tableNames: page, lastEvaluatedTableName: names.count > limit ? page.last : nil)
    }

    /// The ARN of a table in this store's region and account.
    func tableARN(_ name: String) -> String {
        "arn:aws:dynamodb:\(configuration.region):\(configuration.accountID):table/\(name)"
    }

    /// The stored description of a new table (counts are filled in by ``describe(_:schema:)``).
    static func initialDescription(_ input: CreateTableInput, arn: String, now: Date) -> TableDescription {
        let billing = input.billingMode ?? .provisioned
        func throughput(_ given: ProvisionedThroughput?) -> ProvisionedThroughputDescription {
            ProvisionedThroughputDescription(
                numberOfDecreasesToday: 0, readCapacityUnits: given?.readCapacityUnits ?? 0,
                writeCapacityUnits: given?.writeCapacityUnits ?? 0)
        }
        return TableDescription(
            attributeDefinitions: input.attributeDefinitions,
            tableName: input.tableName,
            keySchema: input.keySchema,
            tableStatus: .active,
            creationDateTime: now.timeIntervalSince1970,
            provisionedThroughput: throughput(input.provisionedThroughput),
            tableArn: arn,
            billingModeSummary: BillingModeSummary(
                billingMode: billing,
                lastUpdateToPayPerRequestDateTime: billing == .payPerRequest ? now.timeIntervalSince1970 : nil),
            localSecondaryIndexes: input.localSecondaryIndexes.map { indexes in
                indexes.map {
                    LocalSecondaryIndexDescription(
                        indexName: $0.indexName, keySchema: $0.keySchema, projection: $0.projection,
                        indexArn: "\(arn)/index/\($0.indexName)")
                }
            },
            globalSecondaryIndexes: input.globalSecondaryIndexes.map { indexes in
                indexes.map {
                    GlobalSecondaryIndexDescription(
                        indexName: $0.indexName, keySchema: $0.keySchema, projection: $0.projection,
                        indexStatus: .active, provisionedThroughput: throughput($0.provisionedThroughput),
                        indexArn: "\(arn)/index/\($0.indexName)")
                }
            },
            streamSpecification: input.streamSpecification?.streamEnabled == true ? input.streamSpecification : nil)
    }

    /// The description with live counts and sizes.
    static func describe(_ db: Database, schema: TableSchema) throws -> TableDescription {
        var description = schema.description
        let totals = try Row.fetchOne(
            db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM items WHERE table_id = ?",
            arguments: [schema.id])
        description.itemCount = totals?["n"] ?? 0
        description.tableSizeBytes = totals?["bytes"] ?? 0
        func indexTotals(_ name: String?) throws -> (Int64, Int64) {
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, COALESCE(SUM(items.size), 0) AS bytes FROM index_entries
                    JOIN items ON items.table_id = index_entries.table_id
                        AND items.pk = index_entries.pk AND items.sk = index_entries.sk
                    WHERE index_entries.table_id = ? AND index_entries.index_name = ?
                    """, arguments: [schema.id, name ?? ""])
            return (row?["n"] ?? 0, row?["bytes"] ?? 0)
        }
        if var globals = description.globalSecondaryIndexes {
            for position in globals.indices {
                let (count, bytes) = try indexTotals(globals[position].indexName)
                globals[position].itemCount = count
                globals[position].indexSizeBytes = bytes
            }
            description.globalSecondaryIndexes = globals
        }
        if var locals = description.localSecondaryIndexes {
            for position in locals.indices {
                let (count, bytes) = try indexTotals(locals[position].indexName)
                locals[position].itemCount = count
                locals[position].indexSizeBytes = bytes
            }
            description.localSecondaryIndexes = locals
        }
        return description
    }
}
