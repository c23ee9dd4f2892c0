import EventSourceMapping
import Testing

/// The wait before each retry.
struct RetryPolicyTests {
    @Test(
        "the standard policy doubles from 100 ms and stops at 5 s",
        arguments: [
            (0, Duration.milliseconds(100)), (1, .milliseconds(100)), (2, .milliseconds(200)), (3, .milliseconds(400)),
            (6, .milliseconds(3200)), (7, .seconds(5)), (100, .seconds(5)),
        ])
    func standard(attempt: Int, delay: Duration) {
        #expect(RetryPolicy.standard.delay(beforeAttempt: attempt) == delay)
    }

    @Test("a maximum below the initial delay caps every wait")
    func capped() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .milliseconds(300))
        #expect((1...3).map(policy.delay(beforeAttempt:)) == Array(repeating: .milliseconds(300), count: 3))
    }
}
