#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The users the messaging patterns may name, loaded from a JSON fixture standing in for the app's users table.
///
/// The fixture is a JSON array of `{"uuid", "handle", "display_name", "cognito_sub"}` objects.
public struct UserDirectory: UserStore, Hashable {
    /// The users, in fixture order.
    public let users: [User]

    /// A directory of `users`.
    ///
    /// - Throws: ``MessagingError`` `.invalidUsers` when two users share a handle or a uuid.
    public init(users: [User]) throws(MessagingError) {
        var handles = Set<String>()
        var uuids = Set<String>()
        for user in users {
            guard handles.insert(user.handle).inserted else {
                throw MessagingError(.invalidUsers, "Duplicate user handle \"\(user.handle)\" in the users fixture")
            }
            guard uuids.insert(user.uuid).inserted else {
                throw MessagingError(.invalidUsers, "Duplicate user uuid \"\(user.uuid)\" in the users fixture")
            }
        }
        self.users = users
    }

    /// Decodes the fixture's JSON text; `file` names it in errors.
    ///
    /// - Throws: ``MessagingError`` `.invalidUsers` naming the file and the decoding problem.
    public init(json: Data, file: String = "users fixture") throws(MessagingError) {
        let decoded: [User]
        do {
            decoded = try JSONDecoder().decode([User].self, from: json)
        } catch {
            throw MessagingError(
                .invalidUsers,
                "Users fixture \"\(file)\" is not a JSON array of {uuid, handle, display_name, cognito_sub}: \(error)")
        }
        try self.init(users: decoded)
    }

    /// Reads the fixture at `path`.
    ///
    /// - Throws: ``MessagingError`` `.invalidUsers` when the file cannot be read or decoded.
    public init(contentsOf path: String) throws(MessagingError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessagingError(.invalidUsers, "Cannot read the users fixture \"\(path)\"")
        }
        try self.init(json: data, file: path)
    }

    /// The user with `handle`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the handle and the known ones.
    public func user(handle: String) throws(MessagingError) -> User {
        guard let user = users.first(where: { $0.handle == handle }) else {
            let known = users.map { "\"\($0.handle)\"" }.joined(separator: ", ")
            throw MessagingError(.unknownUser, "No user with handle \"\(handle)\"; known handles: \(known)")
        }
        return user
    }

    /// The user with `uuid`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the uuid.
    public func user(uuid: String) throws(MessagingError) -> User {
        guard let user = users.first(where: { $0.uuid == uuid }) else {
            throw MessagingError(.unknownUser, "No user with uuid \"\(uuid)\" in the users fixture")
        }
        return user
    }

    /// The user whose Cognito `sub` is `cognitoSub`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the sub.
    public func user(cognitoSub: String) throws(MessagingError) -> User {
        guard let user = users.first(where: { $0.cognitoSub == cognitoSub }) else {
            throw MessagingError(.unknownUser, "No user with Cognito sub \"\(cognitoSub)\" in the users fixture")
        }
        return user
    }
}
