import DynamoDBTypes

/// An `AWS::DynamoDB::Table`, validated the way CloudFormation and DynamoDB validate it.
public struct TableDefinition: Hashable, Sendable {
    /// A key attribute's scalar type.
    public enum AttributeType: String, Hashable, Sendable, CaseIterable {
        case string = "S"
        case number = "N"
        case binary = "B"
    }

    /// One `AttributeDefinitions` entry.
    public struct AttributeDefinition: Hashable, Sendable {
        public var name: String
        public var type: AttributeType

        /// Creates a definition.
        public init(name: String, type: AttributeType) {
            self.name = name
            self.type = type
        }
    }

    /// A key schema: the partition (`HASH`) attribute and the optional sort (`RANGE`) attribute.
    public struct KeySchema: Hashable, Sendable {
        public var partitionKey: String
        public var sortKey: String?

        /// Creates a key schema.
        public init(partitionKey: String, sortKey: String?) {
            self.partitionKey = partitionKey
            self.sortKey = sortKey
        }
    }

    /// Which attributes an index copies.
    public enum Projection: Hashable, Sendable {
        case all
        case keysOnly
        /// The keys plus these attributes.
        case include([String])
    }

    /// A global or local secondary index.
    public struct SecondaryIndex: Hashable, Sendable {
        public var name: String
        public var keySchema: KeySchema
        public var projection: Projection
        /// Only on global indexes of `PROVISIONED` tables.
        public var provisionedThroughput: ProvisionedThroughput?

        /// Creates an index.
        public init(
            name: String, keySchema: KeySchema, projection: Projection, provisionedThroughput: ProvisionedThroughput?
        ) {
            self.name = name
            self.keySchema = keySchema
            self.projection = projection
            self.provisionedThroughput = provisionedThroughput
        }
    }

    /// `ProvisionedThroughput`.
    public struct ProvisionedThroughput: Hashable, Sendable {
        public var readCapacityUnits: Int
        public var writeCapacityUnits: Int

        /// Creates a throughput setting.
        public init(readCapacityUnits: Int, writeCapacityUnits: Int) {
            self.readCapacityUnits = readCapacityUnits
            self.writeCapacityUnits = writeCapacityUnits
        }
    }

    /// `BillingMode`, as the DynamoDB API spells it.
    public typealias BillingMode = DynamoDBTypes.BillingMode

    /// `StreamSpecification.StreamViewType`, as the DynamoDB API spells it.
    public typealias StreamViewType = DynamoDBTypes.StreamViewType

    /// `TimeToLiveSpecification`.
    public struct TimeToLive: Hashable, Sendable {
        public var attributeName: String?
        public var enabled: Bool

        /// Creates a TTL setting.
        public init(attributeName: String?, enabled: Bool) {
            self.attributeName = attributeName
            self.enabled = enabled
        }
    }

    /// The key under `Resources`.
    public var logicalID: String
    /// `TableName`, or the logical ID when the template gives none.
    public var tableName: String
    public var attributeDefinitions: [AttributeDefinition]
    public var keySchema: KeySchema
    public var globalSecondaryIndexes: [SecondaryIndex]
    public var localSecondaryIndexes: [SecondaryIndex]
    /// Present exactly when the table has a stream.
    public var streamViewType: StreamViewType?
    public var billingMode: BillingMode
    /// Present exactly when `billingMode` is `PROVISIONED`.
    public var provisionedThroughput: ProvisionedThroughput?
    public var timeToLive: TimeToLive?

    /// The reference environment values and stream events use for this table's stream.
    public var streamReference: StreamReference {
        StreamReference(tableLogicalID: logicalID, tableName: tableName)
    }

    /// The type of a defined attribute.
    public func attributeType(of name: String) -> AttributeType? {
        attributeDefinitions.first { $0.name == name }?.type
    }
}
