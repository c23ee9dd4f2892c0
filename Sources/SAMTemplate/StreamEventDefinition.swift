/// A function's `Type: DynamoDB` event: the settings of the event source mapping it becomes.
public struct StreamEventDefinition: Hashable, Sendable {
    /// Where a mapping starts reading a shard it has no checkpoint for.
    public enum StartingPosition: String, Hashable, Sendable, CaseIterable {
        case trimHorizon = "TRIM_HORIZON"
        case latest = "LATEST"
    }

    /// The stream the mapping reads.
    public enum StreamSource: Hashable, Sendable {
        /// A table in this template (`Fn::GetAtt [Table, StreamArn]`); the emulator resolves its live ARN.
        case table(StreamReference)
        /// A stream ARN written literally (or built from parameters).
        case arn(String)
    }

    /// One `FilterCriteria.Filters` entry.
    public struct Filter: Hashable, Sendable {
        /// The pattern as written: a JSON object in a string.
        public var rawPattern: String
        /// The pattern parsed (always an object).
        public var pattern: JSONObject

        /// Creates a filter.
        public init(rawPattern: String, pattern: JSONObject) {
            self.rawPattern = rawPattern
            self.pattern = pattern
        }
    }

    /// What `DestinationConfig.OnFailure.Destination` names.
    public enum Destination: Hashable, Sendable {
        /// A literal ARN (or one built from parameters).
        case arn(String)
        /// An attribute of another resource in the template, kept unresolved (`Fn::GetAtt [Queue, Arn]`, or
        /// `Ref Topic` with attribute `Ref`).
        case resource(logicalID: String, attribute: String)
    }

    /// The SAM-only `OnFailure.Type` hint.
    public enum DestinationType: String, Hashable, Sendable, CaseIterable {
        case sqs = "SQS"
        case sns = "SNS"
        case s3 = "S3"
    }

    /// `DestinationConfig.OnFailure`.
    public struct OnFailure: Hashable, Sendable {
        public var destination: Destination
        public var type: DestinationType?

        /// Creates an on-failure destination.
        public init(destination: Destination, type: DestinationType?) {
            self.destination = destination
            self.type = type
        }
    }

    /// The event's key under `Events`.
    public var name: String
    /// `Stream` (required).
    public var stream: StreamSource
    /// `StartingPosition` (required).
    public var startingPosition: StartingPosition
    /// `BatchSize` (1–10000, default 100).
    public var batchSize: Int
    /// `MaximumBatchingWindowInSeconds` (0–300, default 0).
    public var maximumBatchingWindowInSeconds: Int
    /// `MaximumRetryAttempts` (-1 = until the record expires, or 0–10000; default -1).
    public var maximumRetryAttempts: Int
    /// `MaximumRecordAgeInSeconds` (-1 = no limit, or 60–604800; default -1).
    public var maximumRecordAgeInSeconds: Int
    /// `BisectBatchOnFunctionError` (default false).
    public var bisectBatchOnFunctionError: Bool
    /// `ParallelizationFactor` (1–10, default 1).
    public var parallelizationFactor: Int
    /// Whether `FunctionResponseTypes` is `["ReportBatchItemFailures"]`.
    public var reportBatchItemFailures: Bool
    /// `FilterCriteria.Filters` (at most 5); empty when absent.
    public var filters: [Filter]
    /// `DestinationConfig.OnFailure`, if any.
    public var onFailure: OnFailure?
    /// `Enabled` (default true).
    public var enabled: Bool
    /// `TumblingWindowInSeconds` (0–900, default 0).
    public var tumblingWindowInSeconds: Int
}
