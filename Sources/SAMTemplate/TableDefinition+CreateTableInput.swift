import DynamoDBTypes

extension TableDefinition {
    /// The CreateTable request that makes this table: keys, attribute types, indexes, billing and stream.
    ///
    /// `TimeToLiveSpecification` is not part of CreateTable; `TableSetup` applies it with UpdateTimeToLive.
    public var createTableInput: CreateTableInput {
        CreateTableInput(
            attributeDefinitions: attributeDefinitions.map {
                DynamoDBTypes.AttributeDefinition(attributeName: $0.name, attributeType: Self.wire($0.type))
            },
            tableName: tableName,
            keySchema: Self.wire(keySchema),
            localSecondaryIndexes: localSecondaryIndexes.isEmpty
                ? nil
                : localSecondaryIndexes.map {
                    LocalSecondaryIndex(
                        indexName: $0.name, keySchema: Self.wire($0.keySchema), projection: Self.wire($0.projection))
                },
            globalSecondaryIndexes: globalSecondaryIndexes.isEmpty
                ? nil
                : globalSecondaryIndexes.map {
                    GlobalSecondaryIndex(
                        indexName: $0.name, keySchema: Self.wire($0.keySchema), projection: Self.wire($0.projection),
                        provisionedThroughput: $0.provisionedThroughput.map(Self.wire))
                },
            billingMode: billingMode,
            provisionedThroughput: provisionedThroughput.map(Self.wire),
            streamSpecification: streamViewType.map {
                StreamSpecification(streamEnabled: true, streamViewType: $0)
            })
    }

    private static func wire(_ schema: KeySchema) -> [KeySchemaElement] {
        [KeySchemaElement(attributeName: schema.partitionKey, keyType: .hash)]
            + (schema.sortKey.map { [KeySchemaElement(attributeName: $0, keyType: .range)] } ?? [])
    }

    private static func wire(_ projection: TableDefinition.Projection) -> DynamoDBTypes.Projection {
        switch projection {
        case .all: DynamoDBTypes.Projection(projectionType: .all)
        case .keysOnly: DynamoDBTypes.Projection(projectionType: .keysOnly)
        case .include(let attributes): DynamoDBTypes.Projection(projectionType: .include, nonKeyAttributes: attributes)
        }
    }

    private static func wire(_ throughput: TableDefinition.ProvisionedThroughput) -> DynamoDBTypes.ProvisionedThroughput
    {
        DynamoDBTypes.ProvisionedThroughput(
            readCapacityUnits: Int64(throughput.readCapacityUnits),
            writeCapacityUnits: Int64(throughput.writeCapacityUnits))
    }

    private static func wire(_ type: AttributeType) -> ScalarAttributeType {
        switch type {
        case .string: .s
        case .number: .n
        case .binary: .b
        }
    }

}
