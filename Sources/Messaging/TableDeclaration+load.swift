import DynamoDBClient
import DynamoDBTypes

/// What ``TableDeclaration/load(_:into:)`` did.
public enum SchemaLoadResult: Sendable, Equatable {
    /// The table was created; its description as CreateTable returned it.
    case created(TableDescription?)
    /// The table already existed with the declared keys, attributes, indexes and stream (e.g. an emulator that
    /// creates the template's tables when it starts); nothing was changed.
    case alreadyExists(TableDescription)
}

extension TableDeclaration {
    /// Creates the declared table; when it already exists and matches the declaration, leaves it as it is.
    ///
    /// - Throws: ``MessagingError`` `.tableMismatch` when a table of that name exists with another shape (the
    ///   message lists each difference), `.dynamoDB` when CreateTable or DescribeTable fails otherwise.
    public static func load(_ input: CreateTableInput, into operations: any DynamoDBOperations)
        async throws(MessagingError) -> SchemaLoadResult
    {
        let existing: TableDescription?
        do {
            return .created(try await operations.createTable(input).tableDescription)
        } catch where error.code == .resourceInUse {
            do {
                existing = try await operations.describeTable(DescribeTableInput(tableName: input.tableName)).table
            } catch {
                throw MessagingError.dynamoDB("DescribeTable \"\(input.tableName)\"", error)
            }
        } catch {
            throw MessagingError.dynamoDB("CreateTable \"\(input.tableName)\"", error)
        }
        guard let existing else {
            throw MessagingError(.dynamoDB, "DescribeTable \"\(input.tableName)\" answered without a Table")
        }
        let differences = differences(declared: input, existing: existing)
        guard differences.isEmpty else {
            throw MessagingError(
                .tableMismatch,
                "Table \"\(input.tableName)\" already exists and differs from its declaration: "
                    + differences.joined(separator: "; "))
        }
        return .alreadyExists(existing)
    }

    /// How an existing table differs from its declaration: one line per difference (key schema, attribute
    /// definitions, each secondary index's keys and projection, the stream), empty when it matches. Billing
    /// and throughput are not compared: they do not change what the patterns can do.
    public static func differences(declared: CreateTableInput, existing: TableDescription) -> [String] {
        var found: [String] = []
        func check(_ what: String, _ declared: String, _ existing: String) {
            if declared != existing { found.append("\(what): declared \(declared), found \(existing)") }
        }
        check("KeySchema", render(declared.keySchema), render(existing.keySchema))
        check(
            "AttributeDefinitions", render(declared.attributeDefinitions ?? []),
            render(existing.attributeDefinitions ?? []))
        let declaredGlobal = Dictionary(
            (declared.globalSecondaryIndexes ?? []).map { ($0.indexName, render($0.keySchema, $0.projection)) },
            uniquingKeysWith: { first, _ in first })
        let existingGlobal = Dictionary(
            (existing.globalSecondaryIndexes ?? []).map { ($0.indexName ?? "", render($0.keySchema, $0.projection)) },
            uniquingKeysWith: { first, _ in first })
        compareIndexes("GlobalSecondaryIndex", declaredGlobal, existingGlobal, into: &found)
        let declaredLocal = Dictionary(
            (declared.localSecondaryIndexes ?? []).map { ($0.indexName, render($0.keySchema, $0.projection)) },
            uniquingKeysWith: { first, _ in first })
        let existingLocal = Dictionary(
            (existing.localSecondaryIndexes ?? []).map { ($0.indexName ?? "", render($0.keySchema, $0.projection)) },
            uniquingKeysWith: { first, _ in first })
        compareIndexes("LocalSecondaryIndex", declaredLocal, existingLocal, into: &found)
        check("StreamSpecification", render(declared.streamSpecification), render(existing.streamSpecification))
        return found
    }

    private static func compareIndexes(
        _ kind: String, _ declared: [String: String], _ existing: [String: String], into found: inout [String]
    ) {
        for name in Set(declared.keys).union(existing.keys).sorted() {
            switch (declared[name], existing[name]) {
            case (let wanted?, let present?) where wanted != present:
                found.append("\(kind) \"\(name)\": declared \(wanted), found \(present)")
            case (let wanted?, nil):
                found.append("\(kind) \"\(name)\": declared \(wanted), found none")
            case (nil, let present?):
                found.append("\(kind) \"\(name)\": not declared, found \(present)")
            default:
                break
            }
        }
    }

    private static func render(_ schema: [KeySchemaElement]?) -> String {
        "[" + (schema ?? []).map { "\($0.attributeName) \($0.keyType.rawValue)" }.joined(separator: ", ") + "]"
    }

    private static func render(_ definitions: [AttributeDefinition]) -> String {
        "[" + definitions.map { "\($0.attributeName) \($0.attributeType.rawValue)" }.sorted().joined(separator: ", ")
            + "]"
    }

    private static func render(_ schema: [KeySchemaElement]?, _ projection: Projection?) -> String {
        let type = projection?.projectionType?.rawValue ?? "ALL"
        let attributes = projection?.nonKeyAttributes.map { " \($0.sorted())" } ?? ""
        return "\(render(schema)) \(type)\(attributes)"
    }

    private static func render(_ stream: StreamSpecification?) -> String {
        guard let stream, stream.streamEnabled else { return "disabled" }
        return stream.streamViewType?.rawValue ?? "enabled"
    }
}
