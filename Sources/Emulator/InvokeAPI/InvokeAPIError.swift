import FunctionRunner
import HTTPTypes

/// An Invoke API service error: Lambda's status, `x-amzn-ErrorType` code and `{"Type","message"}` body.
struct InvokeAPIError: Error, Equatable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var type = "User"
    var reason: String?

    static func functionNotFound(_ arn: String) -> Self {
        .init(status: .notFound, code: "ResourceNotFoundException", message: "Function not found: \(arn)")
    }

    static func unknownOperation(method: String, path: String) -> Self {
        .init(status: .notFound, code: "UnknownOperationException", message: "Unknown operation: \(method) \(path)")
    }

    static func requestTooLarge(_ size: Int) -> Self {
        .init(
            status: .contentTooLarge, code: "RequestEntityTooLargeException",
            message: "Request must be smaller than \(PayloadLimits.request) bytes for the InvokeFunction operation")
    }

    static func eventTooLarge(_ size: Int) -> Self {
        .init(
            status: .contentTooLarge, code: "RequestEntityTooLargeException",
            message: "\(size) byte payload is too large for the Event invocation type (limit \(PayloadLimits.eventRequest) bytes)")
    }

    static func invalidJSON(_ reason: String) -> Self {
        .init(
            status: .badRequest, code: "InvalidRequestContentException",
            message: "Could not parse request body into json: \(reason)")
    }

    static func invalidParameter(_ message: String) -> Self {
        .init(status: .badRequest, code: "InvalidParameterValueException", message: message)
    }

    static let throttled = InvokeAPIError(
        status: .tooManyRequests, code: "TooManyRequestsException", message: "Rate Exceeded.",
        reason: "ReservedFunctionConcurrentInvocationLimitExceeded")

    static func service(_ message: String) -> Self {
        .init(status: .internalServerError, code: "ServiceException", message: message, type: "Service")
    }
}
