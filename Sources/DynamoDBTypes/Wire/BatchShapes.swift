// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `BatchWriteItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct BatchWriteItemInput: Codable, Sendable, Equatable {
    public var requestItems: [String: [WriteRequest]]
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// `SIZE` or `NONE`: validated; the emulator answers no `ItemCollectionMetrics`.
    public var returnItemCollectionMetrics: ReturnItemCollectionMetrics?

    /// Creates the shape from its members.
    public init(requestItems: [String: [WriteRequest]], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.requestItems = requestItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case requestItems = "RequestItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnItemCollectionMetrics = "ReturnItemCollectionMetrics"
    }
}

/// The `WriteRequest` shape of the DynamoDB JSON 1.0 protocol.
public struct WriteRequest: Codable, Sendable, Equatable {
    public var putRequest: PutRequest?
    public var deleteRequest: DeleteRequest?

    /// Creates the shape from its members.
    public init(putRequest: PutRequest? = nil, deleteRequest: DeleteRequest? = nil) {
        self.putRequest = putRequest
        self.deleteRequest = deleteRequest
    }

    enum CodingKeys: String, CodingKey {
        case putRequest = "PutRequest"
        case deleteRequest = "DeleteRequest"
    }
}

/// The `PutRequest` shape of the DynamoDB JSON 1.0 protocol.
public struct PutRequest: Codable, Sendable, Equatable {
    public var item: [String: AttributeValue]

    /// Creates the shape from its members.
    public init(item: [String: AttributeValue]) {
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
    }
}

/// The `DeleteRequest` shape of the DynamoDB JSON 1.0 protocol.
public struct DeleteRequest: Codable, Sendable, Equatable {
    public var key: [String: AttributeValue]

    /// Creates the shape from its members.
    public init(key: [String: AttributeValue]) {
        self.key = key
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
    }
}

/// The `BatchWriteItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct BatchWriteItemOutput: Codable, Sendable, Equatable {
    public var unprocessedItems: [String: [WriteRequest]]?
    public var consumedCapacity: [ConsumedCapacity]?

    /// Creates the shape from its members.
    public init(unprocessedItems: [String: [WriteRequest]]? = nil, consumedCapacity: [ConsumedCapacity]? = nil) {
        self.unprocessedItems = unprocessedItems
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case unprocessedItems = "UnprocessedItems"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `BatchGetItemInput` shape of the DynamoDB JSON 1.0 protocol.
public struct BatchGetItemInput: Codable, Sendable, Equatable {
    public var requestItems: [String: KeysAndAttributes]
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    /// Creates the shape from its members.
    public init(requestItems: [String: KeysAndAttributes], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.requestItems = requestItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case requestItems = "RequestItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// The `KeysAndAttributes` shape of the DynamoDB JSON 1.0 protocol.
public struct KeysAndAttributes: Codable, Sendable, Equatable {
    public var keys: [[String: AttributeValue]]
    public var consistentRead: Bool?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]?

    /// Creates the shape from its members.
    public init(
        keys: [[String: AttributeValue]],
        consistentRead: Bool? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) {
        self.keys = keys
        self.consistentRead = consistentRead
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }

    enum CodingKeys: String, CodingKey {
        case keys = "Keys"
        case consistentRead = "ConsistentRead"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}

/// The `BatchGetItemOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct BatchGetItemOutput: Codable, Sendable, Equatable {
    public var responses: [String: [[String: AttributeValue]]]?
    public var unprocessedKeys: [String: KeysAndAttributes]?
    public var consumedCapacity: [ConsumedCapacity]?

    /// Creates the shape from its members.
    public init(
        responses: [String: [[String: AttributeValue]]]? = nil,
        unprocessedKeys: [String: KeysAndAttributes]? = nil,
        consumedCapacity: [ConsumedCapacity]? = nil
    ) {
        self.responses = responses
        self.unprocessedKeys = unprocessedKeys
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case responses = "Responses"
        case unprocessedKeys = "UnprocessedKeys"
        case consumedCapacity = "ConsumedCapacity"
    }
}
