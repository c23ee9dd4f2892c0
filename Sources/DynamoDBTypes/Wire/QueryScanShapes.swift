// Codable mirrors of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `QueryInput` shape of the DynamoDB JSON 1.0 protocol.
public struct QueryInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var indexName: String?
    public var select: Select?
    public var limit: Int?
    public var consistentRead: Bool?
    public var scanIndexForward: Bool?
    public var exclusiveStartKey: [String: AttributeValue]?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var projectionExpression: String?
    public var filterExpression: String?
    public var keyConditionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        indexName: String? = nil,
        select: Select? = nil,
        limit: Int? = nil,
        consistentRead: Bool? = nil,
        scanIndexForward: Bool? = nil,
        exclusiveStartKey: [String: AttributeValue]? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        projectionExpression: String? = nil,
        filterExpression: String? = nil,
        keyConditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.select = select
        self.limit = limit
        self.consistentRead = consistentRead
        self.scanIndexForward = scanIndexForward
        self.exclusiveStartKey = exclusiveStartKey
        self.returnConsumedCapacity = returnConsumedCapacity
        self.projectionExpression = projectionExpression
        self.filterExpression = filterExpression
        self.keyConditionExpression = keyConditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case indexName = "IndexName"
        case select = "Select"
        case limit = "Limit"
        case consistentRead = "ConsistentRead"
        case scanIndexForward = "ScanIndexForward"
        case exclusiveStartKey = "ExclusiveStartKey"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case projectionExpression = "ProjectionExpression"
        case filterExpression = "FilterExpression"
        case keyConditionExpression = "KeyConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
    }
}

/// The `QueryOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct QueryOutput: Codable, Sendable, Equatable {
    public var items: [[String: AttributeValue]]?
    public var count: Int?
    public var scannedCount: Int?
    public var lastEvaluatedKey: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(
        items: [[String: AttributeValue]]? = nil,
        count: Int? = nil,
        scannedCount: Int? = nil,
        lastEvaluatedKey: [String: AttributeValue]? = nil,
        consumedCapacity: ConsumedCapacity? = nil
    ) {
        self.items = items
        self.count = count
        self.scannedCount = scannedCount
        self.lastEvaluatedKey = lastEvaluatedKey
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case items = "Items"
        case count = "Count"
        case scannedCount = "ScannedCount"
        case lastEvaluatedKey = "LastEvaluatedKey"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The `ScanInput` shape of the DynamoDB JSON 1.0 protocol.
public struct ScanInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var indexName: String?
    public var limit: Int?
    public var select: Select?
    public var exclusiveStartKey: [String: AttributeValue]?
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    public var totalSegments: Int?
    public var segment: Int?
    public var projectionExpression: String?
    public var filterExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    public var consistentRead: Bool?

    /// Creates the shape from its members.
    public init(
        tableName: String,
        indexName: String? = nil,
        limit: Int? = nil,
        select: Select? = nil,
        exclusiveStartKey: [String: AttributeValue]? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        totalSegments: Int? = nil,
        segment: Int? = nil,
        projectionExpression: String? = nil,
        filterExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil,
        consistentRead: Bool? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.limit = limit
        self.select = select
        self.exclusiveStartKey = exclusiveStartKey
        self.returnConsumedCapacity = returnConsumedCapacity
        self.totalSegments = totalSegments
        self.segment = segment
        self.projectionExpression = projectionExpression
        self.filterExpression = filterExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.consistentRead = consistentRead
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case indexName = "IndexName"
        case limit = "Limit"
        case select = "Select"
        case exclusiveStartKey = "ExclusiveStartKey"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case totalSegments = "TotalSegments"
        case segment = "Segment"
        case projectionExpression = "ProjectionExpression"
        case filterExpression = "FilterExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case consistentRead = "ConsistentRead"
    }
}

/// The `ScanOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct ScanOutput: Codable, Sendable, Equatable {
    public var items: [[String: AttributeValue]]?
    public var count: Int?
    public var scannedCount: Int?
    public var lastEvaluatedKey: [String: AttributeValue]?
    public var consumedCapacity: ConsumedCapacity?

    /// Creates the shape from its members.
    public init(
        items: [[String: AttributeValue]]? = nil,
        count: Int? = nil,
        scannedCount: Int? = nil,
        lastEvaluatedKey: [String: AttributeValue]? = nil,
        consumedCapacity: ConsumedCapacity? = nil
    ) {
        self.items = items
        self.count = count
        self.scannedCount = scannedCount
        self.lastEvaluatedKey = lastEvaluatedKey
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case items = "Items"
        case count = "Count"
        case scannedCount = "ScannedCount"
        case lastEvaluatedKey = "LastEvaluatedKey"
        case consumedCapacity = "ConsumedCapacity"
    }
}
