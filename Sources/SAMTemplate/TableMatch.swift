import DynamoDBTypes

/// Whether an existing DynamoDB table is the one a template (or any CreateTable request) declares: the one check
/// the emulator (creating the template's tables at start) and `cruddur schema-load` both use.
///
/// Key schema, attribute types, each kind of secondary index (names, keys, projection) and the stream view type
/// are compared; billing and throughput are not (they change cost, not what the table can do).
public enum TableMatch {
    /// One way an existing table differs from its declaration.
    public struct Difference: Sendable, Hashable, CustomStringConvertible {
        /// What differs: `KeySchema`, `AttributeDefinitions`, `GlobalSecondaryIndexes`, `LocalSecondaryIndexes`
        /// or `StreamSpecification`.
        public var what: String
        /// The declared value, rendered as in the messages, e.g. `[pk HASH, sk RANGE]`.
        public var declared: String
        /// The existing table's value, rendered the same way.
        public var found: String

        /// `KeySchema: declared [pk HASH], found [pk HASH, sk RANGE]`.
        public var description: String { "\(what): declared \(declared), found \(found)" }
    }

    /// Every difference between the declaration and the existing table, in the order listed above; empty when the
    /// table matches.
    public static func differences(declared: CreateTableInput, existing: TableDescription) -> [Difference] {
        var found: [Difference] = []
        func check(_ what: String, _ declared: String, _ existing: String) {
            if declared != existing { found.append(Difference(what: what, declared: declared, found: existing)) }
        }
        check("KeySchema", render(declared.keySchema), render(existing.keySchema))
        check("AttributeDefinitions", render(declared.attributeDefinitions), render(existing.attributeDefinitions))
        check(
            "GlobalSecondaryIndexes",
            render(
                indexes: (declared.globalSecondaryIndexes ?? []).map { ($0.indexName, $0.keySchema, $0.projection) }),
            render(
                indexes: (existing.globalSecondaryIndexes ?? []).map {
                    ($0.indexName ?? "", $0.keySchema ?? [], $0.projection ?? Projection())
                }))
        check(
            "LocalSecondaryIndexes",
            render(indexes: (declared.localSecondaryIndexes ?? []).map { ($0.indexName, $0.keySchema, $0.projection) }),
            render(
                indexes: (existing.localSecondaryIndexes ?? []).map {
                    ($0.indexName ?? "", $0.keySchema ?? [], $0.projection ?? Projection())
                }))
        check("StreamSpecification", render(declared.streamSpecification), render(existing.streamSpecification))
        return found
    }

    private static func render(_ schema: [KeySchemaElement]?) -> String {
        "[" + (schema ?? []).map { "\($0.attributeName) \($0.keyType.rawValue)" }.joined(separator: ", ") + "]"
    }

    private static func render(_ definitions: [AttributeDefinition]?) -> String {
        "["
            + (definitions ?? []).map { "\($0.attributeName) \($0.attributeType.rawValue)" }.sorted()
            .joined(separator: ", ") + "]"
    }

    private static func render(indexes: [(String, [KeySchemaElement], Projection)]) -> String {
        "["
            + indexes.map { name, schema, projection in
                "\(name) \(render(schema)) \(projection.projectionType?.rawValue ?? "ALL")"
                    + (projection.nonKeyAttributes.map { " \($0.sorted())" } ?? "")
            }.sorted().joined(separator: "; ") + "]"
    }

    private static func render(_ stream: StreamSpecification?) -> String {
        stream?.streamEnabled == true ? (stream?.streamViewType?.rawValue ?? "enabled") : "none"
    }
}
