import Testing

@testable import EventSourceMapping  // BatchReport's memberwise initializer is internal

/// The emulator's one-line-per-batch log.
struct BatchReportTests {
    static func report(
        size: Int = 3, lane: Int = 0, laneCount: Int = 1, attempt: Int = 1, _ result: BatchReport.Result,
        duration: Duration? = .microseconds(2310)
    ) -> BatchReport {
        BatchReport(
            mapping: "MessagingStream.Stream", lane: lane, laneCount: laneCount, size: size,
            firstSequenceNumber: "1000", lastSequenceNumber: size == 1 ? "1000" : "1002", attempt: attempt,
            result: result, duration: duration)
    }

    @Test(
        "every result renders as one line",
        arguments: [
            (report(.succeeded), "MessagingStream.Stream: 3 records 1000…1002: OK in 2.31 ms"),
            (report(size: 1, .succeeded), "MessagingStream.Stream: 1 record 1000: OK in 2.31 ms"),
            (
                report(lane: 1, laneCount: 3, .succeeded),
                "MessagingStream.Stream lane 2/3: 3 records 1000…1002: OK in 2.31 ms"
            ),
            (
                report(attempt: 2, .functionError("Unhandled")),
                "MessagingStream.Stream: 3 records 1000…1002 (attempt 2): function error (Unhandled) in 2.31 ms"
            ),
            (
                report(.invalidResponse("the response is not JSON")),
                "MessagingStream.Stream: 3 records 1000…1002: invalid batch response, whole batch failed "
                    + "(the response is not JSON) in 2.31 ms"
            ),
            (
                report(.partialFailure(retryFrom: "1001", remaining: 2)),
                "MessagingStream.Stream: 3 records 1000…1002: batchItemFailures from 1001, retrying 2 records in 2.31 ms"
            ),
            (
                report(.partialFailure(retryFrom: "1002", remaining: 1)),
                "MessagingStream.Stream: 3 records 1000…1002: batchItemFailures from 1002, retrying 1 record in 2.31 ms"
            ),
            (
                report(attempt: 3, .notInvoked("TooManyRequestsException")),
                "MessagingStream.Stream: 3 records 1000…1002 (attempt 3): not invoked (TooManyRequestsException), "
                    + "will retry in 2.31 ms"
            ),
            (
                report(attempt: 3, .discarded(.retryAttemptsExhausted, destination: "failures.jsonl"), duration: nil),
                "MessagingStream.Stream: 3 records 1000…1002 (attempt 3): discarded (RetryAttemptsExhausted) "
                    + "to failures.jsonl"
            ),
            (
                report(.discarded(.recordAgeExceeded, destination: nil), duration: nil),
                "MessagingStream.Stream: 3 records 1000…1002: discarded (RecordAgeExceeded), no on-failure destination"
            ),
        ])
    func line(report: BatchReport, line: String) {
        #expect(report.line == line)
    }

    @Test(
        "durations are milliseconds with two decimals",
        arguments: [
            (Duration.microseconds(2310), "2.31"), (.milliseconds(1), "1.00"), (.microseconds(50), "0.05"),
            (.microseconds(4), "0.00"), (.seconds(2), "2000.00"), (.microseconds(1_234_560), "1234.56"),
            (.zero, "0.00"),
        ])
    func durations(duration: Duration, text: String) {
        #expect(Self.report(.succeeded, duration: duration).line.hasSuffix("OK in \(text) ms"))
    }
}
