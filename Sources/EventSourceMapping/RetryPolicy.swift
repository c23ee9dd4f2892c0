/// How long a lane waits before invoking a failed batch again: exponential, capped. Bisected halves are invoked
/// at once; a shard stays blocked while its batch waits, as on AWS.
public struct RetryPolicy: Sendable, Hashable {
    /// The wait before the first retry.
    public var initialDelay: Duration
    /// The longest wait.
    public var maximumDelay: Duration

    /// A policy from its bounds.
    public init(initialDelay: Duration, maximumDelay: Duration) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// 100 ms doubling to 5 s: quick enough to see a poison record's retries at once, gentle on a function
    /// that fails for a long time under `MaximumRetryAttempts: -1`.
    public static let standard = RetryPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(5))

    /// The wait before attempt `attempt` (1 for the first retry).
    public func delay(beforeAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(attempt, 1) {
            delay *= 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }
}
