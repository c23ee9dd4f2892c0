import DynamoDBTypes
import Foundation
import NIOCore

/// The error objects Lambda itself returns to callers when a function could not produce a result.
enum LambdaErrorPayload {
    /// The runtime exited during an invocation (`Runtime.ExitError`), worded as AWS words it.
    static func exitError(requestID: String, termination: ProcessTermination) -> ByteBuffer {
        let reason: String
        switch termination {
        case .exited(0): reason = "Runtime exited without providing a reason"
        case .exited(let status): reason = "Runtime exited with error: exit status \(status)"
        case .signaled(let signal): reason = "Runtime exited with error: signal: \(ProcessTermination.signalName(signal))"
        }
        return make(type: "Runtime.ExitError", message: "RequestId: \(requestID) Error: \(reason)")
    }

    /// The invocation ran past the function's timeout (`Sandbox.Timedout`) after `seconds` of real time.
    static func timeout(requestID: String, seconds: Double) -> ByteBuffer {
        make(
            type: "Sandbox.Timedout",
            message: "RequestId: \(requestID) Error: Task timed out after \(InvocationReport.twoDecimals(seconds)) seconds")
    }

    /// The function's response exceeded Lambda's synchronous limit.
    static func responseTooLarge() -> ByteBuffer {
        make(
            type: "Function.ResponseSizeTooLarge",
            message: "Response payload size exceeded maximum allowed payload size (\(PayloadLimits.response) bytes).")
    }

    /// What a runtime posted to `/error` or `/init/error`, which reaches the caller unchanged; an empty body becomes
    /// an error object of the `Lambda-Runtime-Function-Error-Type` header's type (`Runtime.Unknown` without one).
    static func posted(_ body: ByteBuffer, errorType: String?) -> ByteBuffer {
        body.readableBytes > 0 ? body : make(type: errorType ?? "Runtime.Unknown", message: "")
    }

    /// `{"errorMessage": …, "errorType": …}` with the fields in AWS's order.
    static func make(type: String, message: String) -> ByteBuffer {
        let body = ErrorObject(errorMessage: message, errorType: type)
        // Encoding two strings cannot fail.
        return ByteBuffer(bytes: (try? OrderedJSONEncoder().encode(body)) ?? Data())
    }

    private struct ErrorObject: Encodable {
        var errorMessage: String
        var errorType: String
    }
}

/// Lambda's payload limits, in bytes.
public enum PayloadLimits {
    /// Largest synchronous request payload (6 MiB).
    public static let request = 6_291_456
    /// Largest synchronous response payload (6 MiB + 100 bytes, as Lambda measures it).
    public static let response = 6_291_556
    /// Largest asynchronous (`Event`) request payload (1 MB since 2025).
    public static let eventRequest = 1_048_576
}
