// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `PutItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct PutItemInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var item: [String: AttributeValue]
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// `SIZE` or `NONE`: validated; the emulator answers no `ItemCollectionMetrics`.
    public var returnItemCollectionMetrics: ReturnItemCollectionMetrics?
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        item: [String: AttributeValue],
        returnValues: ReturnValue? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.item = item
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case item = "Item"
        case returnValues = "ReturnValues"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnItemCollectionMetrics = "ReturnItemCollectionMetrics"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `PutItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct PutItemOutput: Codable, Sendable, Equatable {
    public var attributes: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(attributes: [String: AttributeValue]? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case attributes = "Attributes"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `ConsumedCapacity` shape of the DynamoDB JSON 1.0 protocol.
public struct ConsumedCapacity: Codable, Sendable, Equatable {
    public var tableName: String?
    public var capacityUnits: Double?
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var table: CapacityUnitsBreakdown?
    public var localSecondaryIndexes: [String: CapacityUnitsBreakdown]?
    public var globalSecondaryIndexes: [String: CapacityUnitsBreakdown]?

    /// Creates the shape from its members.
    public init(
        tableName: String? = nil,
        capacityUnits: Double? = nil,
        readCapacityUnits: Double? = nil,
        writeCapacityUnits: Double? = nil,
        table: CapacityUnitsBreakdown? = nil,
        localSecondaryIndexes: [String: CapacityUnitsBreakdown]? = nil,
        globalSecondaryIndexes: [String: CapacityUnitsBreakdown]? = nil
    ) {
        self.tableName = tableName
        self.capacityUnits = capacityUnits
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.table = table
        self.localSecondaryIndexes = localSecondaryIndexes
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case capacityUnits = "CapacityUnits"
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
        case table = "Table"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    }
}

/// The `Capacity` shape of the DynamoDB JSON 1.0 protocol.
public struct CapacityUnitsBreakdown: Codable, Sendable, Equatable {
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var capacityUnits: Double?

    /// Creates the shape from its members.
    public init(readCapacityUnits: Double? = nil, writeCapacityUnits: Double? = nil, capacityUnits: Double? = nil) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.capacityUnits = capacityUnits
    }

    enum CodingKeys: String, CodingKey {
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
        case capacityUnits = "CapacityUnits"
    }
}

/// The `GetItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetItemInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var key: [String: AttributeValue]
    public var consistentRead: Bool?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        key: [String: AttributeValue],
        consistentRead: Bool? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.consistentRead = consistentRead
        self.returnConsumedCapacity = returnConsumedCapacity
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case consistentRead = "ConsistentRead"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}

/// The `GetItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetItemOutput: Codable, Sendable, Equatable {
    public var item: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(item: [String: AttributeValue]? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.item = item
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `DeleteItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteItemInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var key: [String: AttributeValue]
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// `SIZE` or `NONE`: validated; the emulator answers no `ItemCollectionMetrics`.
    public var returnItemCollectionMetrics: ReturnItemCollectionMetrics?
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        key: [String: AttributeValue],
        returnValues: ReturnValue? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case returnValues = "ReturnValues"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnItemCollectionMetrics = "ReturnItemCollectionMetrics"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `DeleteItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteItemOutput: Codable, Sendable, Equatable {
    public var attributes: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(attributes: [String: AttributeValue]? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case attributes = "Attributes"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `UpdateItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateItemInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var key: [String: AttributeValue]
    public var returnValues: ReturnValue?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// `SIZE` or `NONE`: validated; the emulator answers no `ItemCollectionMetrics`.
    public var returnItemCollectionMetrics: ReturnItemCollectionMetrics?
    public var updateExpression: String?
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        key: [String: AttributeValue],
        returnValues: ReturnValue? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        updateExpression: String? = nil,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.updateExpression = updateExpression
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case returnValues = "ReturnValues"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnItemCollectionMetrics = "ReturnItemCollectionMetrics"
        case updateExpression = "UpdateExpression"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `UpdateItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateItemOutput: Codable, Sendable, Equatable {
    public var attributes: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(attributes: [String: AttributeValue]? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case attributes = "Attributes"
        case consumedCapacity = "ConsumedCapacity"
    }
}
