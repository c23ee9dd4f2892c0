/// An AWS access key pair, with the session token of temporary credentials.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key ID, e.g. `AKIDEXAMPLE`.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`; nil unless both keys are set.
    public init?(environment: [String: String]) {
        guard let accessKeyID = environment["AWS_ACCESS_KEY_ID"], !accessKeyID.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { return nil }
        let token = environment["AWS_SESSION_TOKEN"]
        self.init(
            accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token?.isEmpty == false ? token : nil)
    }

    /// Names the key ID only: the secret and the token never reach logs.
    public var description: String {
        "AWSCredentials(accessKeyID: \"\(accessKeyID)\", secretAccessKey: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"))"
    }
}
