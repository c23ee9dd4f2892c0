#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A row of Cruddur's `public.users`, as `cruddur db list-users` prints it.
public struct UserRecord: Sendable, Hashable, Codable {
    /// `uuid`, lowercased.
    public var uuid: String
    /// `display_name`.
    public var displayName: String
    /// `handle`.
    public var handle: String
    /// `email`.
    public var email: String
    /// `cognito_user_id`: the user's Cognito `sub`, or `MOCK` until `update-cognito-user-ids` sets it.
    public var cognitoUserID: String
    /// `created_at`.
    public var createdAt: Date

    /// Creates a record.
    public init(
        uuid: String, displayName: String, handle: String, email: String, cognitoUserID: String, createdAt: Date
    ) {
        self.uuid = uuid
        self.displayName = displayName
        self.handle = handle
        self.email = email
        self.cognitoUserID = cognitoUserID
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case uuid
        case displayName = "display_name"
        case handle
        case email
        case cognitoUserID = "cognito_user_id"
        case createdAt = "created_at"
    }
}
