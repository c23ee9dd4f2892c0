import Foundation
import SAMTemplate
import Testing

@testable import Emulator

/// Lambda's asynchronous retry rules: two retries by default after one delay then twice it, throttles requeued
/// without counting, `MaximumRetryAttempts` and `MaximumEventAgeInSeconds` honoured.
struct AsyncRetryRuleTests {
    let accepted = Date(timeIntervalSince1970: 1_000_000)
    let rule = AsyncRetryRule(config: EventInvokeConfig(), firstRetryDelay: .seconds(60))

    @Test("a function error is retried after the delay, then twice the delay, then given up as RetriesExhausted")
    func defaultRetries() {
        let first = rule.decide(.functionError, attemptsBefore: 0, acceptedAt: accepted, now: accepted)
        #expect(first == .retry(at: accepted.addingTimeInterval(60), attempts: 1))
        let secondAt = accepted.addingTimeInterval(61)
        let second = rule.decide(.functionError, attemptsBefore: 1, acceptedAt: accepted, now: secondAt)
        #expect(second == .retry(at: secondAt.addingTimeInterval(120), attempts: 2))
        let third = rule.decide(.functionError, attemptsBefore: 2, acceptedAt: accepted, now: accepted.addingTimeInterval(200))
        #expect(third == .failed(.retriesExhausted, attempts: 3))
    }

    @Test("MaximumRetryAttempts 0 gives up after the first failure")
    func noRetries() {
        let rule = AsyncRetryRule(config: EventInvokeConfig(maximumRetryAttempts: 0), firstRetryDelay: .seconds(60))
        #expect(
            rule.decide(.functionError, attemptsBefore: 0, acceptedAt: accepted, now: accepted)
                == .failed(.retriesExhausted, attempts: 1))
    }

    @Test("a retry that would run past MaximumEventAgeInSeconds is EventAgeExceeded")
    func ageLimit() {
        let rule = AsyncRetryRule(config: EventInvokeConfig(maximumEventAgeInSeconds: 90), firstRetryDelay: .seconds(60))
        let now = accepted.addingTimeInterval(61)
        #expect(rule.decide(.functionError, attemptsBefore: 1, acceptedAt: accepted, now: now) == .failed(.eventAgeExceeded, attempts: 2))
        #expect(rule.isExpired(acceptedAt: accepted, now: accepted.addingTimeInterval(91)))
        #expect(!rule.isExpired(acceptedAt: accepted, now: accepted.addingTimeInterval(90)))
    }

    @Test("a throttled event is requeued without counting an attempt, until its age runs out")
    func throttled() {
        #expect(
            rule.decide(.throttled, attemptsBefore: 1, acceptedAt: accepted, now: accepted)
                == .retry(at: accepted.addingTimeInterval(1), attempts: 1))
        #expect(
            rule.decide(.throttled, attemptsBefore: 0, acceptedAt: accepted, now: accepted.addingTimeInterval(21_600))
                == .failed(.eventAgeExceeded, attempts: 0))
    }

    @Test("a success counts its attempt")
    func success() {
        #expect(rule.decide(.succeeded, attemptsBefore: 2, acceptedAt: accepted, now: accepted) == .succeeded(attempts: 3))
    }
}
