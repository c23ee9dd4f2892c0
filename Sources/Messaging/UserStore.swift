import Foundation

/// Where the messaging patterns look users up: Cruddur's `public.users` table in PostgreSQL, or the JSON fixture
/// (``UserDirectory``) that stands in for it when no database is given.
///
/// Pattern B needs the caller by Cognito `sub`; patterns C and D need sender and receiver by `sub` or handle.
public protocol UserStore: Sendable {
    /// The user with `handle`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the handle, or the store's own failure.
    func user(handle: String) async throws(MessagingError) -> User

    /// The user whose Cognito `sub` (`cognito_user_id`) is `cognitoSub`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the sub, or the store's own failure.
    func user(cognitoSub: String) async throws(MessagingError) -> User

    /// The user with `uuid`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the uuid, or the store's own failure.
    func user(uuid: String) async throws(MessagingError) -> User
}

extension UserStore {
    /// The user a command names: by Cognito `sub` when `cognitoSub` is given, else by `handle`.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` when neither is given, `.unknownUser` when no user matches.
    public func user(cognitoSub: String?, handle: String?) async throws(MessagingError) -> User {
        if let cognitoSub { return try await user(cognitoSub: cognitoSub) }
        guard let handle else { throw MessagingError(.invalidArgument, "Name the user by Cognito sub or by handle") }
        return try await user(handle: handle)
    }

    /// The user `reference` names: a handle, else a uuid, else a Cognito `sub` (how `list-conversations` takes it).
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming `reference` when nothing matches it, or the store's own
    ///   failure.
    public func user(reference: String) async throws(MessagingError) -> User {
        var byHandle: MessagingError?
        do throws(MessagingError) {
            return try await user(handle: reference)
        } catch where error.code == .unknownUser {
            byHandle = error
        }
        do throws(MessagingError) {
            return try await user(uuid: reference)
        } catch where error.code == .unknownUser {}
        do throws(MessagingError) {
            return try await user(cognitoSub: reference)
        } catch where error.code == .unknownUser {}
        // Say what the reference looked like: a handle is not a uuid.
        if UUID(uuidString: reference) != nil {
            throw MessagingError(.unknownUser, "No user with uuid or Cognito sub \"\(reference)\"")
        }
        throw byHandle ?? MessagingError(.unknownUser, "No user with handle \"\(reference)\"")
    }

}
