import NIOCore
import Testing

@testable import Emulator
@testable import FunctionRunner

struct LambdaErrorPayloadTests {
    @Test(
        "Runtime.ExitError wording for each way a process ends",
        arguments: [
            (ProcessTermination.exited(0), "Runtime exited without providing a reason"),
            (.exited(127), "Runtime exited with error: exit status 127"),
            (.signaled(9), "Runtime exited with error: signal: killed"),
            (.signaled(11), "Runtime exited with error: signal: segmentation fault"),
            (.signaled(6), "Runtime exited with error: signal: aborted"),
        ])
    func exitError(termination: ProcessTermination, reason: String) {
        let payload = LambdaErrorPayload.exitError(requestID: "id-1", termination: termination)
        #expect(
            String(buffer: payload) == #"{"errorMessage":"RequestId: id-1 Error: \#(reason)","errorType":"Runtime.ExitError"}"#)
    }

    @Test("Sandbox.Timedout names the timeout with two decimals")
    func timeout() {
        #expect(
            String(buffer: LambdaErrorPayload.timeout(requestID: "x", seconds: 3.0))
                == #"{"errorMessage":"RequestId: x Error: Task timed out after 3.00 seconds","errorType":"Sandbox.Timedout"}"#)
    }

    @Test("an oversized response is Function.ResponseSizeTooLarge with Lambda's limit")
    func tooLarge() {
        #expect(
            String(buffer: LambdaErrorPayload.responseTooLarge())
                == #"{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}"#)
    }

    @Test("messages are JSON-escaped")
    func escaping() {
        #expect(String(buffer: LambdaErrorPayload.make(type: "T", message: "a \"b\"\n")) == #"{"errorMessage":"a \"b\"\n","errorType":"T"}"#)
    }
}
