/// When and how long the client waits before resending a failed request.
///
/// Throttling errors, HTTP 5xx answers and transport failures are retried with "full jitter" exponential backoff:
/// before attempt *n + 1* the client sleeps a random fraction of `min(maximumDelay, baseDelay × 2ⁿ⁻¹)`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; 1 never retries.
    public var maximumAttempts: Int
    /// The backoff ceiling after the first failure.
    public var baseDelay: Duration
    /// The largest backoff ceiling.
    public var maximumDelay: Duration

    /// Creates a policy; the defaults are botocore's standard mode (3 attempts, 20 s cap) with DynamoDB's 50 ms base.
    public init(
        maximumAttempts: Int = 3, baseDelay: Duration = .milliseconds(50), maximumDelay: Duration = .seconds(20)
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// Never retries.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The backoff ceiling after failed attempt `attempt` (1-based): `min(maximumDelay, baseDelay × 2^(attempt-1))`.
    public func delayCeiling(afterAttempt attempt: Int) -> Duration {
        var ceiling = baseDelay
        for _ in 1..<max(1, attempt) {
            ceiling *= 2
            if ceiling >= maximumDelay { return maximumDelay }
        }
        return min(ceiling, maximumDelay)
    }

    /// The error codes that mean "slow down" (botocore's throttling codes that DynamoDB returns).
    public static let throttlingCodes: Set<String> = [
        "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
        "Throttling", "TransactionInProgressException",
    ]

    /// Whether a request that failed with `error` is worth sending again.
    public static func isRetryable(_ error: DynamoDBClientError, status: Int?) -> Bool {
        switch error {
        case .transport: true
        case .service(let service): throttlingCodes.contains(service.code.rawValue) || (status ?? 0) >= 500
        case .invalidResponse: (status ?? 0) >= 500
        }
    }
}
