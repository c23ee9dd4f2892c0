// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `CreateTableInput` shape of the DynamoDB JSON 1.0 protocol.
public struct CreateTableInput: Codable, Sendable, Equatable {
    public var attributeDefinitions: [AttributeDefinition]?
    public var tableName: String
    public var keySchema: [KeySchemaElement]?
    public var localSecondaryIndexes: [LocalSecondaryIndex]?
    public var globalSecondaryIndexes: [GlobalSecondaryIndex]?
    public var billingMode: BillingMode?
    public var provisionedThroughput: ProvisionedThroughput?
    public var streamSpecification: StreamSpecification?

    /// Creates the shape from its members.
    public init(
        attributeDefinitions: [AttributeDefinition]? = nil,
        tableName: String,
        keySchema: [KeySchemaElement]? = nil,
        localSecondaryIndexes: [LocalSecondaryIndex]? = nil,
        globalSecondaryIndexes: [GlobalSecondaryIndex]? = nil,
        billingMode: BillingMode? = nil,
        provisionedThroughput: ProvisionedThroughput? = nil,
        streamSpecification: StreamSpecification? = nil
    ) {
        self.attributeDefinitions = attributeDefinitions
        self.tableName = tableName
        self.keySchema = keySchema
        self.localSecondaryIndexes = localSecondaryIndexes
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.streamSpecification = streamSpecification
    }

    enum CodingKeys: String, CodingKey {
        case attributeDefinitions = "AttributeDefinitions"
        case tableName = "TableName"
        case keySchema = "KeySchema"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case billingMode = "BillingMode"
        case provisionedThroughput = "ProvisionedThroughput"
        case streamSpecification = "StreamSpecification"
    }
}

/// The `LocalSecondaryIndex` shape of the DynamoDB JSON 1.0 protocol.
public struct LocalSecondaryIndex: Codable, Sendable, Equatable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection

    /// Creates the shape from its members.
    public init(indexName: String, keySchema: [KeySchemaElement], projection: Projection) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
    }
}

/// The `GlobalSecondaryIndex` shape of the DynamoDB JSON 1.0 protocol.
public struct GlobalSecondaryIndex: Codable, Sendable, Equatable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection
    public var provisionedThroughput: ProvisionedThroughput?

    /// Creates the shape from its members.
    public init(
        indexName: String,
        keySchema: [KeySchemaElement],
        projection: Projection,
        provisionedThroughput: ProvisionedThroughput? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.provisionedThroughput = provisionedThroughput
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
        case provisionedThroughput = "ProvisionedThroughput"
    }
}

/// The `ProvisionedThroughput` shape of the DynamoDB JSON 1.0 protocol.
public struct ProvisionedThroughput: Codable, Sendable, Equatable {
    public var readCapacityUnits: Int64
    public var writeCapacityUnits: Int64

    /// Creates the shape from its members.
    public init(readCapacityUnits: Int64, writeCapacityUnits: Int64) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
    }

    enum CodingKeys: String, CodingKey {
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
    }
}

/// The `CreateTableOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct CreateTableOutput: Codable, Sendable, Equatable {
    public var tableDescription: TableDescription?

    /// Creates the shape from its members.
    public init(tableDescription: TableDescription? = nil) {
        self.tableDescription = tableDescription
    }

    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
    }
}

/// The `DeleteTableInput` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteTableInput: Codable, Sendable, Equatable {
    public var tableName: String

    /// Creates the shape from its members.
    public init(tableName: String) {
        self.tableName = tableName
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
    }
}

/// The `DeleteTableOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteTableOutput: Codable, Sendable, Equatable {
    public var tableDescription: TableDescription?

    /// Creates the shape from its members.
    public init(tableDescription: TableDescription? = nil) {
        self.tableDescription = tableDescription
    }

    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
    }
}

/// The `DescribeTableInput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeTableInput: Codable, Sendable, Equatable {
    public var tableName: String

    /// Creates the shape from its members.
    public init(tableName: String) {
        self.tableName = tableName
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
    }
}

/// The `DescribeTableOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeTableOutput: Codable, Sendable, Equatable {
    public var table: TableDescription?

    /// Creates the shape from its members.
    public init(table: TableDescription? = nil) {
        self.table = table
    }

    enum CodingKeys: String, CodingKey {
        case table = "Table"
    }
}

/// The `ListTablesInput` shape of the DynamoDB JSON 1.0 protocol.
public struct ListTablesInput: Codable, Sendable, Equatable {
    public var exclusiveStartTableName: String?
    public var limit: Int?

    /// Creates the shape from its members.
    public init(exclusiveStartTableName: String? = nil, limit: Int? = nil) {
        self.exclusiveStartTableName = exclusiveStartTableName
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case exclusiveStartTableName = "ExclusiveStartTableName"
        case limit = "Limit"
    }
}

/// The `ListTablesOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct ListTablesOutput: Codable, Sendable, Equatable {
    public var tableNames: [String]?
    public var lastEvaluatedTableName: String?

    /// Creates the shape from its members.
    public init(tableNames: [String]? = nil, lastEvaluatedTableName: String? = nil) {
        self.tableNames = tableNames
        self.lastEvaluatedTableName = lastEvaluatedTableName
    }

    enum CodingKeys: String, CodingKey {
        case tableNames = "TableNames"
        case lastEvaluatedTableName = "LastEvaluatedTableName"
    }
}
