/// Why a Cognito request failed.
public enum CognitoClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No answer arrived: the endpoint cannot be reached (the message names the URL and libcurl's reason).
    case unreachable(String)
    /// Cognito answered with an error, e.g. `ResourceNotFoundException` for an unknown pool.
    case service(code: String, message: String)
    /// The answer is not Cognito's (not JSON of the expected shape).
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .unreachable(let message): message
        case .service(let code, let message): message.isEmpty ? code : "\(code): \(message)"
        case .invalidResponse(let message): message
        }
    }
}
