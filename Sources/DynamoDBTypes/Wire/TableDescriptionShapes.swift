// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `TableDescription` shape of the DynamoDB JSON 1.0 protocol.
public struct TableDescription: Codable, Sendable, Equatable {
    public var attributeDefinitions: [AttributeDefinition]?
    public var tableName: String?
    public var keySchema: [KeySchemaElement]?
    public var tableStatus: TableStatus?
    public var creationDateTime: Double?
    public var provisionedThroughput: ProvisionedThroughputDescription?
    public var tableSizeBytes: Int64?
    public var itemCount: Int64?
    public var tableArn: String?
    public var billingModeSummary: BillingModeSummary?
    public var localSecondaryIndexes: [LocalSecondaryIndexDescription]?
    public var globalSecondaryIndexes: [GlobalSecondaryIndexDescription]?
    public var streamSpecification: StreamSpecification?
    public var latestStreamLabel: String?
    public var latestStreamArn: String?

    /// Creates the shape from its members.
    public init(
        attributeDefinitions: [AttributeDefinition]? = nil,
        tableName: String? = nil,
        keySchema: [KeySchemaElement]? = nil,
        tableStatus: TableStatus? = nil,
        creationDateTime: Double? = nil,
        provisionedThroughput: ProvisionedThroughputDescription? = nil,
        tableSizeBytes: Int64? = nil,
        itemCount: Int64? = nil,
        tableArn: String? = nil,
        billingModeSummary: BillingModeSummary? = nil,
        localSecondaryIndexes: [LocalSecondaryIndexDescription]? = nil,
        globalSecondaryIndexes: [GlobalSecondaryIndexDescription]? = nil,
        streamSpecification: StreamSpecification? = nil,
        latestStreamLabel: String? = nil,
        latestStreamArn: String? = nil
    ) {
        self.attributeDefinitions = attributeDefinitions
        self.tableName = tableName
        self.keySchema = keySchema
        self.tableStatus = tableStatus
        self.creationDateTime = creationDateTime
        self.provisionedThroughput = provisionedThroughput
        self.tableSizeBytes = tableSizeBytes
        self.itemCount = itemCount
        self.tableArn = tableArn
        self.billingModeSummary = billingModeSummary
        self.localSecondaryIndexes = localSecondaryIndexes
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.streamSpecification = streamSpecification
        self.latestStreamLabel = latestStreamLabel
        self.latestStreamArn = latestStreamArn
    }

    enum CodingKeys: String, CodingKey {
        case attributeDefinitions = "AttributeDefinitions"
        case tableName = "TableName"
        case keySchema = "KeySchema"
        case tableStatus = "TableStatus"
        case creationDateTime = "CreationDateTime"
        case provisionedThroughput = "ProvisionedThroughput"
        case tableSizeBytes = "TableSizeBytes"
        case itemCount = "ItemCount"
        case tableArn = "TableArn"
        case billingModeSummary = "BillingModeSummary"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case streamSpecification = "StreamSpecification"
        case latestStreamLabel = "LatestStreamLabel"
        case latestStreamArn = "LatestStreamArn"
    }
}

/// The `AttributeDefinition` shape of the DynamoDB JSON 1.0 protocol.
public struct AttributeDefinition: Codable, Sendable, Equatable {
    public var attributeName: String
    public var attributeType: ScalarAttributeType

    /// Creates the shape from its members.
    public init(attributeName: String, attributeType: ScalarAttributeType) {
        self.attributeName = attributeName
        self.attributeType = attributeType
    }

    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case attributeType = "AttributeType"
    }
}

/// The `KeySchemaElement` shape of the DynamoDB JSON 1.0 protocol.
public struct KeySchemaElement: Codable, Sendable, Equatable {
    public var attributeName: String
    public var keyType: KeyType

    /// Creates the shape from its members.
    public init(attributeName: String, keyType: KeyType) {
        self.attributeName = attributeName
        self.keyType = keyType
    }

    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case keyType = "KeyType"
    }
}

/// The `ProvisionedThroughputDescription` shape of the DynamoDB JSON 1.0 protocol.
public struct ProvisionedThroughputDescription: Codable, Sendable, Equatable {
    public var lastIncreaseDateTime: Double?
    public var lastDecreaseDateTime: Double?
    public var numberOfDecreasesToday: Int64?
    public var readCapacityUnits: Int64?
    public var writeCapacityUnits: Int64?

    /// Creates the shape from its members.
    public init(
        lastIncreaseDateTime: Double? = nil,
        lastDecreaseDateTime: Double? = nil,
        numberOfDecreasesToday: Int64? = nil,
        readCapacityUnits: Int64? = nil,
        writeCapacityUnits: Int64? = nil
    ) {
        self.lastIncreaseDateTime = lastIncreaseDateTime
        self.lastDecreaseDateTime = lastDecreaseDateTime
        self.numberOfDecreasesToday = numberOfDecreasesToday
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
    }

    enum CodingKeys: String, CodingKey {
        case lastIncreaseDateTime = "LastIncreaseDateTime"
        case lastDecreaseDateTime = "LastDecreaseDateTime"
        case numberOfDecreasesToday = "NumberOfDecreasesToday"
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
    }
}

/// The `BillingModeSummary` shape of the DynamoDB JSON 1.0 protocol.
public struct BillingModeSummary: Codable, Sendable, Equatable {
    public var billingMode: BillingMode?
    public var lastUpdateToPayPerRequestDateTime: Double?

    /// Creates the shape from its members.
    public init(billingMode: BillingMode? = nil, lastUpdateToPayPerRequestDateTime: Double? = nil) {
        self.billingMode = billingMode
        self.lastUpdateToPayPerRequestDateTime = lastUpdateToPayPerRequestDateTime
    }

    enum CodingKeys: String, CodingKey {
        case billingMode = "BillingMode"
        case lastUpdateToPayPerRequestDateTime = "LastUpdateToPayPerRequestDateTime"
    }
}

/// The `LocalSecondaryIndexDescription` shape of the DynamoDB JSON 1.0 protocol.
public struct LocalSecondaryIndexDescription: Codable, Sendable, Equatable {
    public var indexName: String?
    public var keySchema: [KeySchemaElement]?
    public var projection: Projection?
    public var indexSizeBytes: Int64?
    public var itemCount: Int64?
    public var indexArn: String?

    /// Creates the shape from its members.
    public init(
        indexName: String? = nil,
        keySchema: [KeySchemaElement]? = nil,
        projection: Projection? = nil,
        indexSizeBytes: Int64? = nil,
        itemCount: Int64? = nil,
        indexArn: String? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.indexSizeBytes = indexSizeBytes
        self.itemCount = itemCount
        self.indexArn = indexArn
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
        case indexSizeBytes = "IndexSizeBytes"
        case itemCount = "ItemCount"
        case indexArn = "IndexArn"
    }
}

/// The `Projection` shape of the DynamoDB JSON 1.0 protocol.
public struct Projection: Codable, Sendable, Equatable {
    public var projectionType: ProjectionType?
    public var nonKeyAttributes: [String]?

    /// Creates the shape from its members.
    public init(projectionType: ProjectionType? = nil, nonKeyAttributes: [String]? = nil) {
        self.projectionType = projectionType
        self.nonKeyAttributes = nonKeyAttributes
    }

    enum CodingKeys: String, CodingKey {
        case projectionType = "ProjectionType"
        case nonKeyAttributes = "NonKeyAttributes"
    }
}

/// The `GlobalSecondaryIndexDescription` shape of the DynamoDB JSON 1.0 protocol.
public struct GlobalSecondaryIndexDescription: Codable, Sendable, Equatable {
    public var indexName: String?
    public var keySchema: [KeySchemaElement]?
    public var projection: Projection?
    public var indexStatus: IndexStatus?
    public var provisionedThroughput: ProvisionedThroughputDescription?
    public var indexSizeBytes: Int64?
    public var itemCount: Int64?
    public var indexArn: String?

    /// Creates the shape from its members.
    public init(
        indexName: String? = nil,
        keySchema: [KeySchemaElement]? = nil,
        projection: Projection? = nil,
        indexStatus: IndexStatus? = nil,
        provisionedThroughput: ProvisionedThroughputDescription? = nil,
        indexSizeBytes: Int64? = nil,
        itemCount: Int64? = nil,
        indexArn: String? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.indexStatus = indexStatus
        self.provisionedThroughput = provisionedThroughput
        self.indexSizeBytes = indexSizeBytes
        self.itemCount = itemCount
        self.indexArn = indexArn
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
        case indexStatus = "IndexStatus"
        case provisionedThroughput = "ProvisionedThroughput"
        case indexSizeBytes = "IndexSizeBytes"
        case itemCount = "ItemCount"
        case indexArn = "IndexArn"
    }
}

/// The `StreamSpecification` shape of the DynamoDB JSON 1.0 protocol.
public struct StreamSpecification: Codable, Sendable, Equatable {
    public var streamEnabled: Bool
    public var streamViewType: StreamViewType?

    /// Creates the shape from its members.
    public init(streamEnabled: Bool, streamViewType: StreamViewType? = nil) {
        self.streamEnabled = streamEnabled
        self.streamViewType = streamViewType
    }

    enum CodingKeys: String, CodingKey {
        case streamEnabled = "StreamEnabled"
        case streamViewType = "StreamViewType"
    }
}
