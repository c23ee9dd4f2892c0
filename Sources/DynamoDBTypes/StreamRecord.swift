/// One DynamoDB stream record as Lambda delivers it (and, without `eventSourceARN`, as GetRecords returns it).
///
/// Encoding keeps AWS's field order with ``OrderedJSONEncoder``: `eventID, eventName, eventVersion,
/// eventSource, awsRegion, [userIdentity], dynamodb, [eventSourceARN]`; absent optionals are omitted.
public struct StreamRecord: Codable, Sendable, Hashable {
    /// 32 lowercase hex characters on AWS.
    public var eventID: String
    /// INSERT, MODIFY or REMOVE.
    public var eventName: StreamEventName
    /// `1.1` on AWS today.
    public var eventVersion: String
    /// Always `aws:dynamodb`.
    public var eventSource: String
    /// The stream's region.
    public var awsRegion: String
    /// Present only on TTL deletions (``UserIdentity/timeToLive``).
    public var userIdentity: UserIdentity?
    /// Keys, images, sequence number and size.
    public var dynamodb: StreamRecordData
    /// The stream ARN; present in Lambda events, absent from GetRecords output.
    public var eventSourceARN: String?

    /// AWS's current `eventVersion`.
    public static let currentEventVersion = "1.1"
    /// The `eventSource` of every DynamoDB stream record.
    public static let dynamoDBEventSource = "aws:dynamodb"

    /// A record with AWS's constant fields filled in.
    public init(
        eventID: String, eventName: StreamEventName, eventVersion: String = StreamRecord.currentEventVersion,
        eventSource: String = StreamRecord.dynamoDBEventSource, awsRegion: String, userIdentity: UserIdentity? = nil,
        dynamodb: StreamRecordData, eventSourceARN: String?
    ) {
        self.eventID = eventID
        self.eventName = eventName
        self.eventVersion = eventVersion
        self.eventSource = eventSource
        self.awsRegion = awsRegion
        self.userIdentity = userIdentity
        self.dynamodb = dynamodb
        self.eventSourceARN = eventSourceARN
    }

    /// This record as GetRecords returns it: without `eventSourceARN`.
    public var withoutEventSourceARN: StreamRecord {
        var copy = self
        copy.eventSourceARN = nil
        return copy
    }
}

/// Who made a change; on DynamoDB streams only TTL deletions carry it.
public struct UserIdentity: Codable, Sendable, Hashable {
    /// `Service` for TTL.
    public var type: String
    /// `dynamodb.amazonaws.com` for TTL.
    public var principalId: String

    /// An identity from its fields.
    public init(type: String, principalId: String) {
        self.type = type
        self.principalId = principalId
    }

    /// The identity AWS puts on records of items deleted by Time to Live.
    public static let timeToLive = UserIdentity(type: "Service", principalId: "dynamodb.amazonaws.com")

    /// Set to `true` in an encoder's `userInfo` to write the DynamoDB Streams API spelling (GetRecords:
    /// `{"PrincipalId","Type"}`) instead of the Lambda event's (`{"type","principalId"}`).
    public static let streamsAPISpelling = CodingUserInfoKey(rawValue: "UserIdentity.streamsAPISpelling")!

    enum EventKeys: String, CodingKey {
        case type, principalId
    }

    enum StreamsAPIKeys: String, CodingKey {
        case type = "Type"
        case principalId = "PrincipalId"
    }

    /// Reads either spelling: Lambda's events and the Streams API's GetRecords.
    public init(from decoder: any Decoder) throws {
        let streams = try decoder.container(keyedBy: StreamsAPIKeys.self)
        if let type = try streams.decodeIfPresent(String.self, forKey: .type) {
            self.init(type: type, principalId: try streams.decode(String.self, forKey: .principalId))
            return
        }
        let event = try decoder.container(keyedBy: EventKeys.self)
        self.init(
            type: try event.decode(String.self, forKey: .type),
            principalId: try event.decode(String.self, forKey: .principalId))
    }

    /// Writes Lambda's event spelling, or the Streams API's under ``streamsAPISpelling``.
    public func encode(to encoder: any Encoder) throws {
        if encoder.userInfo[Self.streamsAPISpelling] as? Bool == true {
            var container = encoder.container(keyedBy: StreamsAPIKeys.self)
            try container.encode(principalId, forKey: .principalId)
            try container.encode(type, forKey: .type)
        } else {
            var container = encoder.container(keyedBy: EventKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(principalId, forKey: .principalId)
        }
    }
}

/// The event Lambda passes to a function subscribed to a DynamoDB stream: `{"Records": [...]}`.
public struct DynamoDBStreamEvent: Codable, Sendable, Hashable {
    /// The records of the batch, in sequence-number order.
    public var records: [StreamRecord]

    /// An event carrying `records`.
    public init(records: [StreamRecord]) {
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }
}

extension StreamRecord {
    /// A new eventID: 32 lowercase hex characters, as AWS's (the store draws them from ``UniqueIDRandom``).
    public static func newEventID(using generator: inout some RandomNumberGenerator) -> String {
        let high = String(generator.next(), radix: 16)
        let low = String(generator.next(), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count)
            + low
    }
}
