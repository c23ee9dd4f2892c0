// Codable mirrors of DynamoDB Streams wire shapes (botocore service model dynamodbstreams/2012-08-10).
// Legacy parameters (Expected, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
// AttributeUpdates) are not modelled.

/// The `ListStreamsInput` shape of the DynamoDB JSON 1.0 protocol.
public struct ListStreamsInput: Codable, Sendable, Equatable {
    public var tableName: String?
    public var limit: Int?
    public var exclusiveStartStreamArn: String?

    /// Creates the shape from its members.
    public init(tableName: String? = nil, limit: Int? = nil, exclusiveStartStreamArn: String? = nil) {
        self.tableName = tableName
        self.limit = limit
        self.exclusiveStartStreamArn = exclusiveStartStreamArn
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case limit = "Limit"
        case exclusiveStartStreamArn = "ExclusiveStartStreamArn"
    }
}

/// The `ListStreamsOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct ListStreamsOutput: Codable, Sendable, Equatable {
    public var streams: [StreamSummary]?
    public var lastEvaluatedStreamArn: String?

    /// Creates the shape from its members.
    public init(streams: [StreamSummary]? = nil, lastEvaluatedStreamArn: String? = nil) {
        self.streams = streams
        self.lastEvaluatedStreamArn = lastEvaluatedStreamArn
    }

    enum CodingKeys: String, CodingKey {
        case streams = "Streams"
        case lastEvaluatedStreamArn = "LastEvaluatedStreamArn"
    }
}

/// The `Stream` shape of the DynamoDB JSON 1.0 protocol.
public struct StreamSummary: Codable, Sendable, Equatable {
    public var streamArn: String?
    public var tableName: String?
    public var streamLabel: String?

    /// Creates the shape from its members.
    public init(streamArn: String? = nil, tableName: String? = nil, streamLabel: String? = nil) {
        self.streamArn = streamArn
        self.tableName = tableName
        self.streamLabel = streamLabel
    }

    enum CodingKeys: String, CodingKey {
        case streamArn = "StreamArn"
        case tableName = "TableName"
        case streamLabel = "StreamLabel"
    }
}

/// The `DescribeStreamInput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeStreamInput: Codable, Sendable, Equatable {
    public var streamArn: String
    public var limit: Int?
    public var exclusiveStartShardId: String?

    /// Creates the shape from its members.
    public init(streamArn: String, limit: Int? = nil, exclusiveStartShardId: String? = nil) {
        self.streamArn = streamArn
        self.limit = limit
        self.exclusiveStartShardId = exclusiveStartShardId
    }

    enum CodingKeys: String, CodingKey {
        case streamArn = "StreamArn"
        case limit = "Limit"
        case exclusiveStartShardId = "ExclusiveStartShardId"
    }
}

/// The `DescribeStreamOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct DescribeStreamOutput: Codable, Sendable, Equatable {
    public var streamDescription: StreamDescription?

    /// Creates the shape from its members.
    public init(streamDescription: StreamDescription? = nil) {
        self.streamDescription = streamDescription
    }

    enum CodingKeys: String, CodingKey {
        case streamDescription = "StreamDescription"
    }
}

/// The `StreamDescription` shape of the DynamoDB JSON 1.0 protocol.
public struct StreamDescription: Codable, Sendable, Equatable {
    public var streamArn: String?
    public var streamLabel: String?
    public var streamStatus: StreamStatus?
    public var streamViewType: StreamViewType?
    public var creationRequestDateTime: Double?
    public var tableName: String?
    public var keySchema: [KeySchemaElement]?
    public var shards: [ShardDescription]?
    public var lastEvaluatedShardId: String?

    /// Creates the shape from its members.
    public init(
        streamArn: String? = nil,
        streamLabel: String? = nil,
        streamStatus: StreamStatus? = nil,
        streamViewType: StreamViewType? = nil,
        creationRequestDateTime: Double? = nil,
        tableName: String? = nil,
        keySchema: [KeySchemaElement]? = nil,
        shards: [ShardDescription]? = nil,
        lastEvaluatedShardId: String? = nil
    ) {
        self.streamArn = streamArn
        self.streamLabel = streamLabel
        self.streamStatus = streamStatus
        self.streamViewType = streamViewType
        self.creationRequestDateTime = creationRequestDateTime
        self.tableName = tableName
        self.keySchema = keySchema
        self.shards = shards
        self.lastEvaluatedShardId = lastEvaluatedShardId
    }

    enum CodingKeys: String, CodingKey {
        case streamArn = "StreamArn"
        case streamLabel = "StreamLabel"
        case streamStatus = "StreamStatus"
        case streamViewType = "StreamViewType"
        case creationRequestDateTime = "CreationRequestDateTime"
        case tableName = "TableName"
        case keySchema = "KeySchema"
        case shards = "Shards"
        case lastEvaluatedShardId = "LastEvaluatedShardId"
    }
}

/// The `Shard` shape of the DynamoDB JSON 1.0 protocol.
public struct ShardDescription: Codable, Sendable, Equatable {
    public var shardId: String?
    public var sequenceNumberRange: SequenceNumberRange?
    public var parentShardId: String?

    /// Creates the shape from its members.
    public init(shardId: String? = nil, sequenceNumberRange: SequenceNumberRange? = nil, parentShardId: String? = nil) {
        self.shardId = shardId
        self.sequenceNumberRange = sequenceNumberRange
        self.parentShardId = parentShardId
    }

    enum CodingKeys: String, CodingKey {
        case shardId = "ShardId"
        case sequenceNumberRange = "SequenceNumberRange"
        case parentShardId = "ParentShardId"
    }
}

/// The `SequenceNumberRange` shape of the DynamoDB JSON 1.0 protocol.
public struct SequenceNumberRange: Codable, Sendable, Equatable {
    public var startingSequenceNumber: String?
    public var endingSequenceNumber: String?

    /// Creates the shape from its members.
    public init(startingSequenceNumber: String? = nil, endingSequenceNumber: String? = nil) {
        self.startingSequenceNumber = startingSequenceNumber
        self.endingSequenceNumber = endingSequenceNumber
    }

    enum CodingKeys: String, CodingKey {
        case startingSequenceNumber = "StartingSequenceNumber"
        case endingSequenceNumber = "EndingSequenceNumber"
    }
}

/// The `GetShardIteratorInput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetShardIteratorInput: Codable, Sendable, Equatable {
    public var streamArn: String
    public var shardId: String
    public var shardIteratorType: ShardIteratorType
    public var sequenceNumber: String?

    /// Creates the shape from its members.
    public init(
        streamArn: String,
        shardId: String,
        shardIteratorType: ShardIteratorType,
        sequenceNumber: String? = nil
    ) {
        self.streamArn = streamArn
        self.shardId = shardId
        self.shardIteratorType = shardIteratorType
        self.sequenceNumber = sequenceNumber
    }

    enum CodingKeys: String, CodingKey {
        case streamArn = "StreamArn"
        case shardId = "ShardId"
        case shardIteratorType = "ShardIteratorType"
        case sequenceNumber = "SequenceNumber"
    }
}

/// The `GetShardIteratorOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetShardIteratorOutput: Codable, Sendable, Equatable {
    public var shardIterator: String?

    /// Creates the shape from its members.
    public init(shardIterator: String? = nil) {
        self.shardIterator = shardIterator
    }

    enum CodingKeys: String, CodingKey {
        case shardIterator = "ShardIterator"
    }
}

/// The `GetRecordsInput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetRecordsInput: Codable, Sendable, Equatable {
    public var shardIterator: String
    public var limit: Int?

    /// Creates the shape from its members.
    public init(shardIterator: String, limit: Int? = nil) {
        self.shardIterator = shardIterator
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case shardIterator = "ShardIterator"
        case limit = "Limit"
    }
}

/// The `GetRecordsOutput` shape of the DynamoDB JSON 1.0 protocol.
public struct GetRecordsOutput: Codable, Sendable, Equatable {
    public var records: [StreamRecord]?
    public var nextShardIterator: String?

    /// Creates the shape from its members.
    public init(records: [StreamRecord]? = nil, nextShardIterator: String? = nil) {
        self.records = records
        self.nextShardIterator = nextShardIterator
    }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
        case nextShardIterator = "NextShardIterator"
    }
}
