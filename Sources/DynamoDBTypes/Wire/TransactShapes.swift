// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `TransactWriteItemsInput` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactWriteItemsInput: Codable, Sendable, Equatable {
    public var transactItems: [TransactWriteItem]
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// `SIZE` or `NONE`: validated; the emulator answers no `ItemCollectionMetrics`.
    public var returnItemCollectionMetrics: ReturnItemCollectionMetrics?
    public var clientRequestToken: String?

    /// Creates the shape from its members.
    public init(
        transactItems: [TransactWriteItem],
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        clientRequestToken: String? = nil
    ) {
        self.transactItems = transactItems
        self.returnConsumedCapacity = returnConsumedCapacity
        self.clientRequestToken = clientRequestToken
    }

    enum CodingKeys: String, CodingKey {
        case transactItems = "TransactItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnItemCollectionMetrics = "ReturnItemCollectionMetrics"
        case clientRequestToken = "ClientRequestToken"
    }
}

/// The `TransactWriteItem` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactWriteItem: Codable, Sendable, Equatable {
    public var conditionCheck: TransactConditionCheck?
    public var put: TransactPut?
    public var delete: TransactDelete?
    public var update: TransactUpdate?

    /// Creates the shape from its members.
    public init(
        conditionCheck: TransactConditionCheck? = nil,
        put: TransactPut? = nil,
        delete: TransactDelete? = nil,
        update: TransactUpdate? = nil
    ) {
        self.conditionCheck = conditionCheck
        self.put = put
        self.delete = delete
        self.update = update
    }

    enum CodingKeys: String, CodingKey {
        case conditionCheck = "ConditionCheck"
        case put = "Put"
        case delete = "Delete"
        case update = "Update"
    }
}

/// The `ConditionCheck` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactConditionCheck: Codable, Sendable, Equatable {
    public var key: [String: AttributeValue]
    public var tableName: String
    public var conditionExpression: String
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        key: [String: AttributeValue],
        tableName: String,
        conditionExpression: String,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.key = key
        self.tableName = tableName
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case tableName = "TableName"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `Put` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactPut: Codable, Sendable, Equatable {
    public var item: [String: AttributeValue]
    public var tableName: String
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        item: [String: AttributeValue],
        tableName: String,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.item = item
        self.tableName = tableName
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
        case tableName = "TableName"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `Delete` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactDelete: Codable, Sendable, Equatable {
    public var key: [String: AttributeValue]
    public var tableName: String
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        key: [String: AttributeValue],
        tableName: String,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.key = key
        self.tableName = tableName
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case tableName = "TableName"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `Update` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactUpdate: Codable, Sendable, Equatable {
    public var key: [String: AttributeValue]
    public var updateExpression: String
    public var tableName: String
    public var conditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    /// Creates the shape from its members.
    public init(
        key: [String: AttributeValue],
        updateExpression: String,
        tableName: String,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.key = key
        self.updateExpression = updateExpression
        self.tableName = tableName
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case updateExpression = "UpdateExpression"
        case tableName = "TableName"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The `TransactWriteItemsOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactWriteItemsOutput: Codable, Sendable, Equatable {
    public var consumedCapacity: [ConsumedCapacity]?

    /// Creates the shape from its members.
    public init(consumedCapacity: [ConsumedCapacity]? = nil) {
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `TransactGetItemsInput` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactGetItemsInput: Codable, Sendable, Equatable {
    public var transactItems: [TransactGetItem]
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    /// Creates the shape from its members.
    public init(transactItems: [TransactGetItem], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.transactItems = transactItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case transactItems = "TransactItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// The `TransactGetItem` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactGetItem: Codable, Sendable, Equatable {
    public var get: TransactGet

    /// Creates the shape from its members.
    public init(get: TransactGet) {
        self.get = get
    }

    enum CodingKeys: String, CodingKey {
        case get = "Get"
    }
}

/// The `Get` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactGet: Codable, Sendable, Equatable {
    public var key: [String: AttributeValue]
    public var tableName: String
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]?

    /// Creates the shape from its members.
    public init(
        key: [String: AttributeValue],
        tableName: String,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) {
        self.key = key
        self.tableName = tableName
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case tableName = "TableName"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}

/// The `TransactGetItemsOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct TransactGetItemsOutput: Codable, Sendable, Equatable {
    public var consumedCapacity: [ConsumedCapacity]?
    public var responses: [ItemResponse]?

    /// Creates the shape from its members.
    public init(consumedCapacity: [ConsumedCapacity]? = nil, responses: [ItemResponse]? = nil) {
        self.consumedCapacity = consumedCapacity
        self.responses = responses
    }

    enum CodingKeys: String, CodingKey {
        case consumedCapacity = "ConsumedCapacity"
        case responses = "Responses"
    }
}

/// The `ItemResponse` shape of the DynamoDB JSON 1.0 protocol.
public struct ItemResponse: Codable, Sendable, Equatable {
    public var item: [String: AttributeValue]?

    /// Creates the shape from its members.
    public init(item: [String: AttributeValue]? = nil) {
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
    }
}
