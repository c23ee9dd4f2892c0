/// A user of a Cognito user pool, as `update-cognito-user-ids` reads it from `ListUsers`.
public struct PoolUser: Sendable, Hashable {
    /// The pool's `Username`.
    public var username: String
    /// The `sub` attribute: the id Cruddur stores as `cognito_user_id`.
    public var sub: String?
    /// The `preferred_username` attribute: the user's Cruddur handle.
    public var preferredUsername: String?

    /// Creates a pool user.
    public init(username: String, sub: String?, preferredUsername: String?) {
        self.username = username
        self.sub = sub
        self.preferredUsername = preferredUsername
    }
}
