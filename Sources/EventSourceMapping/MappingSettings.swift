/// The settings of one event source mapping, with Lambda's defaults (streams-and-triggers.md §3.1).
public struct MappingSettings: Sendable {
    /// Where a lane starts reading when it has no checkpoint yet.
    public enum StartingPosition: String, Sendable, Hashable {
        case trimHorizon = "TRIM_HORIZON"
        case latest = "LATEST"
    }

    /// `StartingPosition` (required on AWS).
    public var startingPosition: StartingPosition
    /// `BatchSize`: records per invocation at most (1–10,000; default 100).
    public var batchSize: Int
    /// `MaximumBatchingWindowInSeconds`: how long to gather records before invoking (0–300 s).
    public var maximumBatchingWindow: Duration
    /// `MaximumRetryAttempts`: retries after the first invocation; -1 retries until the records expire.
    public var maximumRetryAttempts: Int
    /// `MaximumRecordAgeInSeconds`: -1 means the stream's retention (24 hours) is the limit.
    public var maximumRecordAgeInSeconds: Int
    /// `BisectBatchOnFunctionError`.
    public var bisectBatchOnFunctionError: Bool
    /// `ParallelizationFactor`: concurrent lanes per shard (1–10), ordered per partition key.
    public var parallelizationFactor: Int
    /// Whether `FunctionResponseTypes` contains `ReportBatchItemFailures`.
    public var reportBatchItemFailures: Bool
    /// `FilterCriteria`; `nil` lets every record through.
    public var filter: (any RecordFilter)?
    /// `Enabled`.
    public var enabled: Bool
    /// `TumblingWindowInSeconds` (0–900); 0 means no tumbling windows.
    public var tumblingWindowInSeconds = 0

    /// How long DynamoDB keeps stream records; the age limit when `maximumRecordAgeInSeconds` is -1.
    public static let streamRetentionSeconds = 24 * 60 * 60
    /// Lambda's synchronous invocation payload limit, which also caps a batch.
    public static let maximumPayloadBytes = 6 * 1024 * 1024

    /// Settings with Lambda's defaults for everything but the starting position.
    public init(
        startingPosition: StartingPosition, batchSize: Int = 100, maximumBatchingWindow: Duration = .zero,
        maximumRetryAttempts: Int = -1, maximumRecordAgeInSeconds: Int = -1, bisectBatchOnFunctionError: Bool = false,
        parallelizationFactor: Int = 1, reportBatchItemFailures: Bool = false, filter: (any RecordFilter)? = nil,
        enabled: Bool = true
    ) {
        self.startingPosition = startingPosition
        self.batchSize = batchSize
        self.maximumBatchingWindow = maximumBatchingWindow
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds
        self.bisectBatchOnFunctionError = bisectBatchOnFunctionError
        self.parallelizationFactor = parallelizationFactor
        self.reportBatchItemFailures = reportBatchItemFailures
        self.filter = filter
        self.enabled = enabled
    }

    /// The age (seconds) past which records are discarded instead of invoked.
    public var effectiveMaximumRecordAge: Int {
        maximumRecordAgeInSeconds < 0 ? Self.streamRetentionSeconds : maximumRecordAgeInSeconds
    }

    /// Whether a batch that failed `retries` times already may be invoked again.
    func mayRetry(afterRetries retries: Int) -> Bool {
        maximumRetryAttempts < 0 || retries < maximumRetryAttempts
    }
}
