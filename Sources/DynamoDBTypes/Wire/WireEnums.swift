// Enumerations of DynamoDB wire shapes (botocore service model dynamodb/2012-08-10).

/// The `BillingMode` enumeration of the DynamoDB JSON 1.0 protocol.
public enum BillingMode: String, Codable, Sendable, CaseIterable {
    case provisioned = "PROVISIONED"
    case payPerRequest = "PAY_PER_REQUEST"
}

/// The `IndexStatus` enumeration of the DynamoDB JSON 1.0 protocol.
public enum IndexStatus: String, Codable, Sendable, CaseIterable {
    case creating = "CREATING"
    case updating = "UPDATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
}

/// The `KeyType` enumeration of the DynamoDB JSON 1.0 protocol.
public enum KeyType: String, Codable, Sendable, CaseIterable {
    case hash = "HASH"
    case range = "RANGE"
}

/// The `ProjectionType` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ProjectionType: String, Codable, Sendable, CaseIterable {
    case all = "ALL"
    case keysOnly = "KEYS_ONLY"
    case include = "INCLUDE"
}

/// The `ReturnConsumedCapacity` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ReturnConsumedCapacity: String, Codable, Sendable, CaseIterable {
    case indexes = "INDEXES"
    case total = "TOTAL"
    case none = "NONE"
}

/// The `ReturnItemCollectionMetrics` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ReturnItemCollectionMetrics: String, Codable, Sendable, CaseIterable {
    case size = "SIZE"
    case none = "NONE"
}

/// The `ReturnValue` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ReturnValue: String, Codable, Sendable, CaseIterable {
    case none = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"
}

/// The `ReturnValuesOnConditionCheckFailure` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ReturnValuesOnConditionCheckFailure: String, Codable, Sendable, CaseIterable {
    case allOld = "ALL_OLD"
    case none = "NONE"
}

/// The `ScalarAttributeType` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ScalarAttributeType: String, Codable, Sendable, CaseIterable {
    case s = "S"
    case n = "N"
    case b = "B"
}

/// The `Select` enumeration of the DynamoDB JSON 1.0 protocol.
public enum Select: String, Codable, Sendable, CaseIterable {
    case allAttributes = "ALL_ATTRIBUTES"
    case allProjectedAttributes = "ALL_PROJECTED_ATTRIBUTES"
    case specificAttributes = "SPECIFIC_ATTRIBUTES"
    case count = "COUNT"
}

/// The `ShardIteratorType` enumeration of the DynamoDB JSON 1.0 protocol.
public enum ShardIteratorType: String, Codable, Sendable, CaseIterable {
    case trimHorizon = "TRIM_HORIZON"
    case latest = "LATEST"
    case atSequenceNumber = "AT_SEQUENCE_NUMBER"
    case afterSequenceNumber = "AFTER_SEQUENCE_NUMBER"
}

/// The `StreamStatus` enumeration of the DynamoDB JSON 1.0 protocol.
public enum StreamStatus: String, Codable, Sendable, CaseIterable {
    case enabling = "ENABLING"
    case enabled = "ENABLED"
    case disabling = "DISABLING"
    case disabled = "DISABLED"
}

/// The `TableStatus` enumeration of the DynamoDB JSON 1.0 protocol.
public enum TableStatus: String, Codable, Sendable, CaseIterable {
    case creating = "CREATING"
    case updating = "UPDATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
    case inaccessibleEncryptionCredentials = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
    case archiving = "ARCHIVING"
    case archived = "ARCHIVED"
    case replicationNotAuthorized = "REPLICATION_NOT_AUTHORIZED"
}
