import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The invocation record Lambda sends to an on-failure destination when it discards a batch
/// (streams-and-triggers.md §3.6). Encoded in AWS's field order; `payload` (the discarded records) is what AWS
/// adds for S3 destinations and is always kept here, so a local failure never loses its records.
public struct OnFailureRecord: Codable, Sendable, Hashable {
    /// Why the batch was discarded.
    public enum Condition: String, Codable, Sendable, Hashable {
        /// `MaximumRetryAttempts` used up.
        case retryAttemptsExhausted = "RetryAttemptsExhausted"
        /// Records older than `MaximumRecordAgeInSeconds` (or the stream's retention).
        case recordAgeExceeded = "RecordAgeExceeded"
    }

    /// `requestContext`.
    public struct RequestContext: Codable, Sendable, Hashable {
        public var requestId: String
        public var functionArn: String
        public var condition: Condition
        public var approximateInvokeCount: Int

        /// A context from its fields.
        public init(requestId: String, functionArn: String, condition: Condition, approximateInvokeCount: Int) {
            self.requestId = requestId
            self.functionArn = functionArn
            self.condition = condition
            self.approximateInvokeCount = approximateInvokeCount
        }
    }

    /// `responseContext`: what the last invocation answered (`functionError` is null after a partial-batch
    /// response, and so is every field when the batch was never invoked).
    public struct ResponseContext: Codable, Sendable, Hashable {
        public var statusCode: Int?
        public var executedVersion: String?
        public var functionError: String?

        /// A context from its fields.
        public init(statusCode: Int?, executedVersion: String?, functionError: String?) {
            self.statusCode = statusCode
            self.executedVersion = executedVersion
            self.functionError = functionError
        }

        enum CodingKeys: String, CodingKey { case statusCode, executedVersion, functionError }

        /// Encodes every field, absent ones as `null`, as AWS does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(statusCode, forKey: .statusCode)
            try container.encode(executedVersion, forKey: .executedVersion)
            try container.encode(functionError, forKey: .functionError)
        }
    }

    /// `DDBStreamBatchInfo`.
    public struct BatchInfo: Codable, Sendable, Hashable {
        public var shardId: String
        public var startSequenceNumber: String
        public var endSequenceNumber: String
        public var approximateArrivalOfFirstRecord: String?
        public var approximateArrivalOfLastRecord: String?
        public var batchSize: Int
        public var streamArn: String

        /// The batch info of `records` (non-empty, in order) read from `shardID` of `streamARN`.
        public init(records: [StreamRecord], shardID: String, streamARN: String) {
            self.shardId = shardID
            self.startSequenceNumber = records.first?.dynamodb.sequenceNumber ?? ""
            self.endSequenceNumber = records.last?.dynamodb.sequenceNumber ?? ""
            self.approximateArrivalOfFirstRecord = records.first?.dynamodb.approximateCreationDateTime.map(Self.seconds)
            self.approximateArrivalOfLastRecord = records.last?.dynamodb.approximateCreationDateTime.map(Self.seconds)
            self.batchSize = records.count
            self.streamArn = streamARN
        }

        private static func seconds(_ date: Date) -> String {
            date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        }
    }

    public var requestContext: RequestContext
    public var responseContext: ResponseContext
    /// Always `1.0`.
    public var version: String
    /// When the batch was discarded: ISO-8601 with milliseconds and `Z`.
    public var timestamp: String
    public var batchInfo: BatchInfo
    /// The discarded records as the function would have received them.
    public var payload: DynamoDBStreamEvent?

    /// A record from its parts; `timestamp` is formatted from `discardedAt`.
    public init(
        requestContext: RequestContext, responseContext: ResponseContext, discardedAt: Date, batchInfo: BatchInfo,
        payload: DynamoDBStreamEvent?
    ) {
        self.requestContext = requestContext
        self.responseContext = responseContext
        self.version = "1.0"
        self.timestamp = discardedAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        self.batchInfo = batchInfo
        self.payload = payload
    }

    enum CodingKeys: String, CodingKey {
        case requestContext, responseContext, version, timestamp
        case batchInfo = "DDBStreamBatchInfo"
        case payload
    }
}
