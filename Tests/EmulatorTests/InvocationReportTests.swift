import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

struct InvocationReportTests {
    @Test("a cold REPORT puts Init Duration last, bills init too and ends with a tab")
    func coldReport() {
        let line = InvocationReport.report(
            requestID: "r1", duration: .microseconds(40_740), memorySize: 128, maxMemoryUsedMB: 36,
            initDuration: .microseconds(120_640))
        #expect(
            line
                == "REPORT RequestId: r1\tDuration: 40.74 ms\tBilled Duration: 162 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 120.64 ms\t"
        )
    }

    @Test("a warm REPORT has no Init Duration and bills the duration rounded up")
    func warmReport() {
        let line = InvocationReport.report(
            requestID: "r2", duration: .microseconds(3_010), memorySize: 256, maxMemoryUsedMB: 20, initDuration: nil)
        #expect(line == "REPORT RequestId: r2\tDuration: 3.01 ms\tBilled Duration: 4 ms\tMemory Size: 256 MB\tMax Memory Used: 20 MB\t")
    }

    @Test("Billed Duration is at least 1 ms")
    func minimumBilled() {
        let line = InvocationReport.report(requestID: "r", duration: .zero, memorySize: 128, maxMemoryUsedMB: 1, initDuration: nil)
        #expect(line.contains("\tDuration: 0.00 ms\tBilled Duration: 1 ms\t"))
    }

    @Test("START, END and the timeout line as AWS prints them")
    func otherLines() {
        #expect(InvocationReport.start(requestID: "abc") == "START RequestId: abc Version: $LATEST")
        #expect(InvocationReport.end(requestID: "abc") == "END RequestId: abc")
        #expect(
            InvocationReport.timedOut(requestID: "abc", seconds: 3.0, at: "2023-03-20T16:09:30.717Z")
                == "2023-03-20T16:09:30.717Z abc Task timed out after 3.00 seconds")
        // The real elapsed time, as AWS prints it, not the configured timeout.
        #expect(
            InvocationReport.timedOut(requestID: "abc", seconds: 3.0149, at: "2023-03-20T16:09:30.717Z")
                == "2023-03-20T16:09:30.717Z abc Task timed out after 3.01 seconds")
    }

    @Test("two decimals, rounded", arguments: [(0.004, "0.00"), (0.005, "0.01"), (1.5, "1.50"), (12.345, "12.35"), (100, "100.00")])
    func twoDecimals(value: Double, text: String) {
        #expect(InvocationReport.twoDecimals(value) == text)
    }
}
