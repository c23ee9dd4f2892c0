import Foundation
import SAMTemplate

/// Lambda's rules for an asynchronous invocation, without I/O: whether an event may still be attempted, and what
/// follows an attempt (a retry after about one minute, then two; a throttled event requeued; the end).
struct AsyncRetryRule: Sendable, Equatable {
    /// The function's `EventInvokeConfig` (Lambda's defaults when it declares none).
    var config: EventInvokeConfig
    /// The delay before the first retry (`start --async-retry-delay`); the second waits twice as long.
    var firstRetryDelay: Duration
    /// How long a throttled event waits before it is tried again (it does not count as an attempt).
    var throttleDelay: Duration = .seconds(1)

    /// What an attempt ended in.
    enum Outcome: Equatable {
        case succeeded
        case functionError
        case throttled
    }

    /// What to do with the event next.
    enum Decision: Equatable {
        /// Try again at this time, `attempts` having run.
        case retry(at: Date, attempts: Int)
        /// The event is done: to the `OnSuccess` destination (when there is one).
        case succeeded(attempts: Int)
        /// The event failed for good: to the `OnFailure` destination with this condition.
        case failed(Condition, attempts: Int)
    }

    /// Why an event failed for good (`requestContext.condition` in the destination record).
    enum Condition: String, Equatable, Sendable {
        case retriesExhausted = "RetriesExhausted"
        case eventAgeExceeded = "EventAgeExceeded"
    }

    /// Whether an event accepted at `acceptedAt` is too old to be attempted at `now`.
    func isExpired(acceptedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(acceptedAt) > Double(config.maximumEventAgeInSeconds)
    }

    /// The decision after an attempt that ended in `outcome` at `now`, `attempts` having run before it.
    func decide(_ outcome: Outcome, attemptsBefore attempts: Int, acceptedAt: Date, now: Date) -> Decision {
        switch outcome {
        case .succeeded:
            return .succeeded(attempts: attempts + 1)
        case .throttled:
            let next = now.addingTimeInterval(Self.seconds(throttleDelay))
            if isExpired(acceptedAt: acceptedAt, now: next) { return .failed(.eventAgeExceeded, attempts: attempts) }
            return .retry(at: next, attempts: attempts)
        case .functionError:
            let ran = attempts + 1
            guard ran <= config.maximumRetryAttempts else { return .failed(.retriesExhausted, attempts: ran) }
            let delay = firstRetryDelay * (1 << (ran - 1))
            let next = now.addingTimeInterval(Self.seconds(delay))
            if isExpired(acceptedAt: acceptedAt, now: next) { return .failed(.eventAgeExceeded, attempts: ran) }
            return .retry(at: next, attempts: ran)
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
