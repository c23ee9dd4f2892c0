/// A function's `EventInvokeConfig`: how Lambda treats its asynchronous (`Event`) invocations.
public struct EventInvokeConfig: Hashable, Sendable {
    /// Where an asynchronous invocation's record goes once it succeeded or failed for good.
    public struct Destination: Hashable, Sendable {
        /// `SQS`, `SNS`, `Lambda` or `EventBridge`, as SAM spells them.
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            case sqs = "SQS"
            case sns = "SNS"
            case lambda = "Lambda"
            case eventBridge = "EventBridge"
        }

        /// The kind of target.
        public var kind: Kind
        /// The target's ARN as evaluated (a function's `Fn::GetAtt … Arn` is its ARN).
        public var arn: String

        /// A destination of `kind` at `arn`.
        public init(kind: Kind, arn: String) {
            self.kind = kind
            self.arn = arn
        }
    }

    /// Lambda's default: two retries after a function error.
    public static let defaultMaximumRetryAttempts = 2
    /// Lambda's default: six hours.
    public static let defaultMaximumEventAgeInSeconds = 21_600

    /// Retries after a function error (0–2).
    public var maximumRetryAttempts: Int = defaultMaximumRetryAttempts
    /// How long an event may wait (60–21600 seconds) before it is given up.
    public var maximumEventAgeInSeconds: Int = defaultMaximumEventAgeInSeconds
    /// Where a successful invocation's record goes.
    public var onSuccess: Destination?
    /// Where an event that failed for good goes.
    public var onFailure: Destination?

    /// A configuration; the defaults are Lambda's.
    public init(
        maximumRetryAttempts: Int = defaultMaximumRetryAttempts,
        maximumEventAgeInSeconds: Int = defaultMaximumEventAgeInSeconds,
        onSuccess: Destination? = nil, onFailure: Destination? = nil
    ) {
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }
}
