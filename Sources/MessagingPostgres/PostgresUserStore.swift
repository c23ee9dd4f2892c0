import Logging
import Messaging
import PostgresNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Cruddur's users in PostgreSQL (`public.users`): the ``UserStore`` the patterns use when a connection URL is
/// given, and what `cruddur db` and `update-cognito-user-ids` work on.
///
/// One connection, opened by ``withStore(_:_:)`` and closed when its body returns or throws.
public struct PostgresUserStore: UserStore {
    /// Where the database is.
    public let url: PostgresConnectionURL
    let connection: PostgresConnection
    let logger: Logger

    /// Connects to `url`, runs `body` with the store, and closes the connection whatever happens.
    ///
    /// - Throws: ``MessagingError`` `.database` ("cannot be reached") when the connection fails, or what `body`
    ///   throws.
    public static func withStore<Result>(
        _ url: PostgresConnectionURL, _ body: (PostgresUserStore) async throws -> Result
    ) async throws -> Result {
        let logger = Logger(label: "cruddur.postgres") { _ in SwiftLogNoOpLogHandler() }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try url.configuration(), id: 1, logger: logger)
        } catch {
            throw PostgresFailure.error(error, doing: "connecting", at: url)
        }
        let store = PostgresUserStore(url: url, connection: connection, logger: logger)
        do {
            let result = try await body(store)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The user with `handle`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the handle, `.database` when the query fails.
    public func user(handle: String) async throws(MessagingError) -> User {
        try await oneUser(
            "SELECT uuid::text, handle, display_name, cognito_user_id FROM public.users WHERE handle = \(handle)",
            "handle \"\(handle)\"")
    }

    /// The user whose `cognito_user_id` is `cognitoSub`.
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the sub, `.database` when the query fails.
    public func user(cognitoSub: String) async throws(MessagingError) -> User {
        try await oneUser(
            """
            SELECT uuid::text, handle, display_name, cognito_user_id FROM public.users \
            WHERE cognito_user_id = \(cognitoSub)
            """,
            "Cognito sub \"\(cognitoSub)\"")
    }

    /// The user with `uuid` (compared as text, so a malformed uuid simply matches nothing).
    ///
    /// - Throws: ``MessagingError`` `.unknownUser` naming the uuid, `.database` when the query fails.
    public func user(uuid: String) async throws(MessagingError) -> User {
        try await oneUser(
            """
            SELECT uuid::text, handle, display_name, cognito_user_id FROM public.users \
            WHERE uuid::text = \(uuid.lowercased())
            """,
            "uuid \"\(uuid)\"")
    }

    /// Every row, ordered by handle.
    ///
    /// - Throws: ``MessagingError`` `.database` when the query fails (naming a missing users table).
    public func allRecords() async throws(MessagingError) -> [UserRecord] {
        do {
            let rows = try await connection.query(
                """
                SELECT uuid::text, display_name, handle, email, cognito_user_id, created_at FROM public.users \
                ORDER BY handle
                """,
                logger: logger)
            var records: [UserRecord] = []
            for try await (uuid, displayName, handle, email, cognito, createdAt) in rows.decode(
                (String, String, String, String, String, Date).self)
            {
                records.append(
                    UserRecord(
                        uuid: uuid, displayName: displayName, handle: handle, email: email, cognitoUserID: cognito,
                        createdAt: createdAt))
            }
            return records
        } catch {
            throw PostgresFailure.error(error, doing: "listing the users", at: url)
        }
    }

    /// The single user `query` selects (uuid, handle, display name, Cognito id); `what` names it in errors.
    private func oneUser(_ query: PostgresQuery, _ what: String) async throws(MessagingError) -> User {
        var found: [User] = []
        do {
            let rows = try await connection.query(query, logger: logger)
            for try await (uuid, handle, displayName, cognito) in rows.decode((String, String, String, String).self) {
                found.append(User(uuid: uuid, handle: handle, displayName: displayName, cognitoSub: cognito))
            }
        } catch {
            throw PostgresFailure.error(error, doing: "looking up the user with \(what)", at: url)
        }
        guard let user = found.first else {
            throw MessagingError(.unknownUser, "No user with \(what) in PostgreSQL at \(url)")
        }
        guard found.count == 1 else {
            throw MessagingError(
                .invalidUsers,
                "\(found.count) users with \(what) in PostgreSQL at \(url): "
                    + found.map { "\"\($0.handle)\"" }.joined(separator: ", "))
        }
        return user
    }
}
