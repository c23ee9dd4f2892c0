// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `UpdateTableInput` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateTableInput: Codable, Sendable, Equatable {
    public var attributeDefinitions: [AttributeDefinition]?
    public var tableName: String
    public var billingMode: BillingMode?
    public var provisionedThroughput: ProvisionedThroughput?
    public var globalSecondaryIndexUpdates: [GlobalSecondaryIndexUpdate]?
    public var streamSpecification: StreamSpecification?

    /// Creates the shape from its members.
    public init(
        attributeDefinitions: [AttributeDefinition]? = nil,
        tableName: String,
        billingMode: BillingMode? = nil,
        provisionedThroughput: ProvisionedThroughput? = nil,
        globalSecondaryIndexUpdates: [GlobalSecondaryIndexUpdate]? = nil,
        streamSpecification: StreamSpecification? = nil
    ) {
        self.attributeDefinitions = attributeDefinitions
        self.tableName = tableName
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.globalSecondaryIndexUpdates = globalSecondaryIndexUpdates
        self.streamSpecification = streamSpecification
    }

    enum CodingKeys: String, CodingKey {
        case attributeDefinitions = "AttributeDefinitions"
        case tableName = "TableName"
        case billingMode = "BillingMode"
        case provisionedThroughput = "ProvisionedThroughput"
        case globalSecondaryIndexUpdates = "GlobalSecondaryIndexUpdates"
        case streamSpecification = "StreamSpecification"
    }
}

/// The `GlobalSecondaryIndexUpdate` shape of the DynamoDB JSON 1.0 protocol.
public struct GlobalSecondaryIndexUpdate: Codable, Sendable, Equatable {
    public var update: UpdateGlobalSecondaryIndexAction?
    public var create: CreateGlobalSecondaryIndexAction?
    public var delete: DeleteGlobalSecondaryIndexAction?

    /// Creates the shape from its members.
    public init(
        update: UpdateGlobalSecondaryIndexAction? = nil,
        create: CreateGlobalSecondaryIndexAction? = nil,
        delete: DeleteGlobalSecondaryIndexAction? = nil
    ) {
        self.update = update
        self.create = create
        self.delete = delete
    }

    enum CodingKeys: String, CodingKey {
        case update = "Update"
        case create = "Create"
        case delete = "Delete"
    }
}

/// The `UpdateGlobalSecondaryIndexAction` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateGlobalSecondaryIndexAction: Codable, Sendable, Equatable {
    public var indexName: String
    public var provisionedThroughput: ProvisionedThroughput?

    /// Creates the shape from its members.
    public init(indexName: String, provisionedThroughput: ProvisionedThroughput? = nil) {
        self.indexName = indexName
        self.provisionedThroughput = provisionedThroughput
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case provisionedThroughput = "ProvisionedThroughput"
    }
}

/// The `CreateGlobalSecondaryIndexAction` shape of the DynamoDB JSON 1.0 protocol.
public struct CreateGlobalSecondaryIndexAction: Codable, Sendable, Equatable {
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

/// The `DeleteGlobalSecondaryIndexAction` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteGlobalSecondaryIndexAction: Codable, Sendable, Equatable {
    public var indexName: String

    /// Creates the shape from its members.
    public init(indexName: String) {
        self.indexName = indexName
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
    }
}

/// The `UpdateTableOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateTableOutput: Codable, Sendable, Equatable {
    public var tableDescription: TableDescription?

    /// Creates the shape from its members.
    public init(tableDescription: TableDescription? = nil) {
        self.tableDescription = tableDescription
    }

    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
    }
}
