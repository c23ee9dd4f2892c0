/// The `TimeToLiveSpecification` shape: which attribute holds an item's expiry, and whether TTL is on.
public struct TimeToLiveSpecification: Codable, Sendable, Equatable {
    public var attributeName: String
    public var enabled: Bool

    /// Creates the shape from its members.
    public init(attributeName: String, enabled: Bool) {
        self.attributeName = attributeName
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case enabled = "Enabled"
    }
}

/// `TimeToLiveStatus`: the local store switches at once, so only `ENABLED` and `DISABLED` occur.
public enum TimeToLiveStatus: String, Codable, Sendable, Equatable {
    case enabling = "ENABLING"
    case disabling = "DISABLING"
    case enabled = "ENABLED"
    case disabled = "DISABLED"
}

/// The `TimeToLiveDescription` shape; `AttributeName` is absent while TTL is disabled.
public struct TimeToLiveDescription: Codable, Sendable, Equatable {
    public var timeToLiveStatus: TimeToLiveStatus
    public var attributeName: String?

    /// Creates the shape from its members.
    public init(timeToLiveStatus: TimeToLiveStatus, attributeName: String? = nil) {
        self.timeToLiveStatus = timeToLiveStatus
        self.attributeName = attributeName
    }

    enum CodingKeys: String, CodingKey {
        case timeToLiveStatus = "TimeToLiveStatus"
        case attributeName = "AttributeName"
    }
}

/// The `UpdateTimeToLiveInput` shape of the DynamoDB JSON 1.0 protocol.
public struct UpdateTimeToLiveInput: Codable, Sendable, Equatable {
    public var tableName: String
    public var timeToLiveSpecification: TimeToLiveSpecification

    /// Creates the shape from its members.
    public init(tableName: String, timeToLiveSpecification: TimeToLiveSpecification) {
        self.tableName = tableName
        self.timeToLiveSpecification = timeToLiveSpecification
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case timeToLiveSpecification = "TimeToLiveSpecification"
    }
}

/// The `UpdateTimeToLiveOutput` shape: the specification as applied.
public struct UpdateTimeToLiveOutput: Codable, Sendable, Equatable {
    public var timeToLiveSpecification: TimeToLiveSpecification?

    /// Creates the shape from its members.
    public init(timeToLiveSpecification: TimeToLiveSpecification?) {
        self.timeToLiveSpecification = timeToLiveSpecification
    }

    enum CodingKeys: String, CodingKey {
        case timeToLiveSpecification = "TimeToLiveSpecification"
    }
}

/// The `DescribeTimeToLiveInput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeTimeToLiveInput: Codable, Sendable, Equatable {
    public var tableName: String

    /// Creates the shape from its members.
    public init(tableName: String) {
        self.tableName = tableName
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
    }
}

/// The `DescribeTimeToLiveOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeTimeToLiveOutput: Codable, Sendable, Equatable {
    public var timeToLiveDescription: TimeToLiveDescription?

    /// Creates the shape from its members.
    public init(timeToLiveDescription: TimeToLiveDescription?) {
        self.timeToLiveDescription = timeToLiveDescription
    }

    enum CodingKeys: String, CodingKey {
        case timeToLiveDescription = "TimeToLiveDescription"
    }
}
