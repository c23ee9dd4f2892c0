/// A Cruddur user, as the app's users table holds it (uuid, handle, display name, Cognito `sub`).
public struct User: Codable, Sendable, Hashable {
    /// The user's uuid; group rows live under `GRP#<uuid>`.
    public var uuid: String
    /// The handle, e.g. `andrewbrown`.
    public var handle: String
    /// The display name, e.g. `Andrew Brown`.
    public var displayName: String
    /// The user's Cognito `sub`.
    public var cognitoSub: String?

    /// Creates a user.
    public init(uuid: String, handle: String, displayName: String, cognitoSub: String? = nil) {
        self.uuid = uuid
        self.handle = handle
        self.displayName = displayName
        self.cognitoSub = cognitoSub
    }

    enum CodingKeys: String, CodingKey {
        case uuid
        case handle
        case displayName = "display_name"
        case cognitoSub = "cognito_sub"
    }
}
