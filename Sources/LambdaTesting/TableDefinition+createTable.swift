import DynamoDBTypes
import SAMTemplate

// The same mapping as the emulator's `TableDefinition.createTableInput` (Sources/Emulator/Tables); kept internal
// here so a module importing both sees no ambiguity. It belongs in SAMTemplate, where both could share it.
extension TableDefinition {
    /// The CreateTable request that makes this table: keys, attribute types, indexes, billing and stream.
    var harnessCreateTableInput: CreateTableInput {
        CreateTableInput(
            attributeDefinitions: attributeDefinitions.map {
                DynamoDBTypes.AttributeDefinition(attributeName: $0.name, attributeType: Self.scalarType($0.type))
            },
            tableName: tableName,
            keySchema: Self.elements(keySchema),
            localSecondaryIndexes: localSecondaryIndexes.isEmpty
                ? nil
                : localSecondaryIndexes.map {
                    LocalSecondaryIndex(
                        indexName: $0.name, keySchema: Self.elements($0.keySchema),
                        projection: Self.projection($0.projection))
                },
            globalSecondaryIndexes: globalSecondaryIndexes.isEmpty
                ? nil
                : globalSecondaryIndexes.map {
                    GlobalSecondaryIndex(
                        indexName: $0.name, keySchema: Self.elements($0.keySchema),
                        projection: Self.projection($0.projection),
                        provisionedThroughput: $0.provisionedThroughput.map(Self.throughput))
                },
            billingMode: billingMode,
            provisionedThroughput: provisionedThroughput.map(Self.throughput),
            streamSpecification: streamViewType.map { StreamSpecification(streamEnabled: true, streamViewType: $0) })
    }

    /// The key attribute names, partition key first.
    var keyNames: [String] { [keySchema.partitionKey] + (keySchema.sortKey.map { [$0] } ?? []) }

    private static func elements(_ schema: KeySchema) -> [KeySchemaElement] {
        [KeySchemaElement(attributeName: schema.partitionKey, keyType: .hash)]
            + (schema.sortKey.map { [KeySchemaElement(attributeName: $0, keyType: .range)] } ?? [])
    }

    private static func projection(_ projection: TableDefinition.Projection) -> DynamoDBTypes.Projection {
        switch projection {
        case .all: DynamoDBTypes.Projection(projectionType: .all)
        case .keysOnly: DynamoDBTypes.Projection(projectionType: .keysOnly)
        case .include(let attributes): DynamoDBTypes.Projection(projectionType: .include, nonKeyAttributes: attributes)
        }
    }

    private static func throughput(_ value: TableDefinition.ProvisionedThroughput)
        -> DynamoDBTypes.ProvisionedThroughput
    {
        DynamoDBTypes.ProvisionedThroughput(
            readCapacityUnits: Int64(value.readCapacityUnits), writeCapacityUnits: Int64(value.writeCapacityUnits))
    }

    private static func scalarType(_ type: AttributeType) -> ScalarAttributeType {
        switch type {
        case .string: .s
        case .number: .n
        case .binary: .b
        }
    }
}
