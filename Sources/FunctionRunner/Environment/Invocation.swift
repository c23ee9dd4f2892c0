import NIOCore

/// One request to run a function: the event and what the caller sent with it.
public struct InvocationRequest: Sendable {
    /// The event bytes (a JSON document).
    public var payload: ByteBuffer
    /// The client context JSON (already base64-decoded), passed as `Lambda-Runtime-Client-Context`.
    public var clientContext: String?
    /// The Cognito identity JSON, passed as `Lambda-Runtime-Cognito-Identity`.
    public var cognitoIdentity: String?
    /// Whether the caller wants the execution log back (`X-Amz-Log-Type: Tail`); the result then waits for `REPORT`.
    public var wantsLog: Bool
    /// The request ID the function gets (`Lambda-Runtime-Aws-Request-Id`); `nil` draws a new one. An asynchronous
    /// invocation keeps the ID its `202` named across its retries, as Lambda does.
    public var requestID: String?
    /// The qualifier the caller invoked (`$LATEST`), if any; the invoked function ARN then ends with it.
    public var qualifier: String?

    /// Creates a request.
    public init(
        payload: ByteBuffer, clientContext: String? = nil, cognitoIdentity: String? = nil, wantsLog: Bool = false,
        requestID: String? = nil, qualifier: String? = nil
    ) {
        self.requestID = requestID
        self.qualifier = qualifier
        self.payload = payload
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.wantsLog = wantsLog
    }
}

/// What an invocation produced: the function's response, or the error object Lambda reports.
public struct InvocationResult: Sendable {
    /// The request ID the function saw.
    public var requestID: String
    /// The response body, or the error object when ``functionError`` is set.
    public var payload: ByteBuffer
    /// `Unhandled` when the function failed (Invoke's `X-Amz-Function-Error`); `nil` on success.
    public var functionError: String?
    /// The invocation's log (START to REPORT) when the caller asked for it.
    public var log: String?

    /// Whether the function failed.
    public var failed: Bool { functionError != nil }

    /// A failed invocation whose error object is `payload` (Invoke's `X-Amz-Function-Error: Unhandled`).
    static func unhandled(requestID: String, payload: ByteBuffer) -> InvocationResult {
        InvocationResult(requestID: requestID, payload: payload, functionError: "Unhandled", log: nil)
    }
}

/// A delivery to the runtime's `GET /runtime/invocation/next`.
struct InvocationDelivery: Sendable {
    var requestID: String
    var deadlineMillis: Int64
    var functionARN: String
    var traceID: String
    var clientContext: String?
    var cognitoIdentity: String?
    var payload: ByteBuffer
}
