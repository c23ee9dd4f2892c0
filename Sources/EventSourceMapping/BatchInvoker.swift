/// Runs the mapping's function synchronously with one batch (`{"Records":[…]}`).
public protocol BatchInvoker: Sendable {
    /// Invokes the function with `payload`; never throws: a failure to invoke is an outcome too.
    func invoke(payload: [UInt8]) async -> InvocationOutcome
}

/// What one synchronous invocation produced.
public enum InvocationOutcome: Sendable, Equatable {
    /// The function ran: its response (or error object) and `X-Amz-Function-Error` (`nil` on success).
    case completed(requestID: String, payload: [UInt8], functionError: String?)
    /// The function was not reached (throttled, environment failed); Lambda retries these without counting
    /// them against `MaximumRetryAttempts`. `statusCode` is the Invoke API status it would have answered.
    case notInvoked(reason: String, statusCode: Int)
}
