#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One invocation as delivered by `GET /runtime/invocation/next`: its metadata headers and the event body.
struct Invocation: Sendable {
    let requestID: String
    let deadline: Date
    let invokedFunctionARN: String
    let traceID: String?
    let clientContext: String?
    let cognitoIdentity: String?
    let event: Data

    /// Reads the metadata from the `/next` response headers (names lowercased).
    /// - Throws: `LambdaRuntimeError` `.invalidInvocation` when the request ID or a numeric deadline is missing.
    init(headers: [String: String], event: Data) throws(LambdaRuntimeError) {
        typealias Header = RuntimeAPI.Header
        guard let requestID = headers[Header.requestID], !requestID.isEmpty else {
            throw LambdaRuntimeError(
                code: .invalidInvocation,
                message: "the Runtime API's /next answer has no \"Lambda-Runtime-Aws-Request-Id\" header"
            )
        }
        guard let deadlineText = headers[Header.deadline] else {
            throw LambdaRuntimeError(
                code: .invalidInvocation,
                message: "the Runtime API's /next answer for request \"\(requestID)\" has no "
                    + "\"Lambda-Runtime-Deadline-Ms\" header"
            )
        }
        guard let deadlineMilliseconds = Int64(deadlineText) else {
            throw LambdaRuntimeError(
                code: .invalidInvocation,
                message: "the Runtime API's /next answer for request \"\(requestID)\" has "
                    + "Lambda-Runtime-Deadline-Ms \"\(deadlineText)\"; expected milliseconds since the epoch"
            )
        }
        self.requestID = requestID
        self.deadline = Date(timeIntervalSince1970: Double(deadlineMilliseconds) / 1000)
        self.invokedFunctionARN = headers[Header.invokedFunctionARN] ?? ""
        self.traceID = headers[Header.traceID]
        self.clientContext = headers[Header.clientContext]
        self.cognitoIdentity = headers[Header.cognitoIdentity]
        self.event = event
    }
}
