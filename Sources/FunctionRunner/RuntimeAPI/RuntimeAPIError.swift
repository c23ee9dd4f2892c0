import NIOHTTP1

/// The Runtime API's rejections, with the status, `errorType` and message the Runtime Interface Emulator uses.
enum RuntimeAPIError: Error, Equatable {
    /// An answer for a request ID that is not in flight or was already answered.
    case invalidRequestID
    /// A call the runtime may not make now (e.g. `/next` before answering, `/init/error` after init).
    case invalidStateTransition
    /// A response over Lambda's 6 MB limit.
    case payloadTooLarge
    /// The environment is shutting down; the runtime should exit.
    case containerError

    var status: HTTPResponseStatus {
        switch self {
        case .invalidRequestID: .badRequest
        case .invalidStateTransition: .forbidden
        case .payloadTooLarge: .payloadTooLarge
        case .containerError: .internalServerError
        }
    }

    var errorType: String {
        switch self {
        case .invalidRequestID: "InvalidRequestID"
        case .invalidStateTransition: "InvalidStateTransition"
        case .payloadTooLarge: "RequestEntityTooLarge"
        case .containerError: "Runtime.ContainerError"
        }
    }

    var message: String {
        switch self {
        case .invalidRequestID: "Invalid request ID"
        case .invalidStateTransition: "State transition is not allowed"
        case .payloadTooLarge: "Exceeded maximum allowed payload size (\(PayloadLimits.response) bytes)."
        case .containerError: "Container error. Non-recoverable state. Runtime should exit promptly"
        }
    }
}
