import DynamoDBTypes

extension TableStore {
    /// What ``ensureTable(_:)`` did.
    public enum EnsureTableResult: Sendable, Equatable {
        /// The table did not exist and was created.
        case created
        /// The table existed with the same definition.
        case matched
    }

    /// Creates a declared table (e.g. from `template.json`) when missing, or checks that the existing
    /// table has the same key schema, attribute types, indexes and stream view type.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException naming the table and the first difference found,
    ///   e.g. `Table "cruddur-messages" already exists with a different KeySchema: declared [pk HASH, sk RANGE],
    ///   found [pk HASH]` — never a silent drop of the existing data.
    public func ensureTable(_ input: CreateTableInput) async throws(DynamoDBError) -> EnsureTableResult {
        let existing: TableDescription
        do throws(DynamoDBError) {
            guard let table = try await describeTable(DescribeTableInput(tableName: input.tableName)).table else {
                throw DynamoDBError.tableNotFound
            }
            existing = table
        } catch {
            guard error.code == .resourceNotFound else { throw error }
            _ = try await createTable(input)
            return .created
        }
        func mismatch(_ what: String, _ declared: String, _ found: String) -> DynamoDBError {
            .validation(
                "Table \"\(input.tableName)\" already exists with a different \(what): declared \(declared), found \(found)"
            )
        }
        func render(_ schema: [KeySchemaElement]?) -> String {
            "[" + (schema ?? []).map { "\($0.attributeName) \($0.keyType.rawValue)" }.joined(separator: ", ") + "]"
        }
        if render(input.keySchema) != render(existing.keySchema) {
            throw mismatch("KeySchema", render(input.keySchema), render(existing.keySchema))
        }
        func types(_ definitions: [AttributeDefinition]?) -> String {
            "["
                + (definitions ?? []).map { "\($0.attributeName) \($0.attributeType.rawValue)" }.sorted()
                .joined(separator: ", ") + "]"
        }
        if types(input.attributeDefinitions) != types(existing.attributeDefinitions) {
            throw mismatch(
                "AttributeDefinitions", types(input.attributeDefinitions), types(existing.attributeDefinitions))
        }
        func indexes(_ names: [(String, [KeySchemaElement], Projection)]) -> String {
            "["
                + names.map { name, schema, projection in
                    "\(name) \(render(schema)) \(projection.projectionType?.rawValue ?? "ALL")"
                        + (projection.nonKeyAttributes.map { " \($0.sorted())" } ?? "")
                }.sorted().joined(separator: "; ") + "]"
        }
        let declaredGlobal = indexes(
            (input.globalSecondaryIndexes ?? []).map { ($0.indexName, $0.keySchema, $0.projection) })
        let foundGlobal = indexes(
            (existing.globalSecondaryIndexes ?? []).map {
                ($0.indexName ?? "", $0.keySchema ?? [], $0.projection ?? Projection())
            })
        if declaredGlobal != foundGlobal { throw mismatch("GlobalSecondaryIndexes", declaredGlobal, foundGlobal) }
        let declaredLocal = indexes(
            (input.localSecondaryIndexes ?? []).map { ($0.indexName, $0.keySchema, $0.projection) })
        let foundLocal = indexes(
            (existing.localSecondaryIndexes ?? []).map {
                ($0.indexName ?? "", $0.keySchema ?? [], $0.projection ?? Projection())
            })
        if declaredLocal != foundLocal { throw mismatch("LocalSecondaryIndexes", declaredLocal, foundLocal) }
        func stream(_ spec: StreamSpecification?) -> String {
            spec?.streamEnabled == true ? (spec?.streamViewType?.rawValue ?? "enabled") : "none"
        }
        if stream(input.streamSpecification) != stream(existing.streamSpecification) {
            throw mismatch(
                "StreamSpecification", stream(input.streamSpecification), stream(existing.streamSpecification))
        }
        return .matched
    }
}
