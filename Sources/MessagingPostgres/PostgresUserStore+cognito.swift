import Messaging
import PostgresNIO

extension PostgresUserStore {
    /// Sets each row's `cognito_user_id` to the `sub` of the pool user whose `preferred_username` is its handle, in
    /// one transaction: the rows are read and locked, the update planned, the changed rows written, and all of it
    /// rolled back when anything fails.
    ///
    /// - Returns: The update as planned and committed.
    /// - Throws: ``MessagingError`` `.invalidUsers` when two pool users share a handle, `.database` when the table
    ///   is missing or the server refuses; nothing is written then.
    public func updateCognitoUserIDs(from poolUsers: [PoolUser]) async throws(MessagingError) -> CognitoUserIDUpdate
    {
        do {
            return try await connection.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    "SELECT handle, cognito_user_id FROM public.users FOR UPDATE", logger: logger)
                var current: [String: String] = [:]
                for try await (handle, cognito) in rows.decode((String, String).self) {
                    current[handle] = current[handle] ?? cognito
                }
                let update = try CognitoUserIDUpdate(poolUsers: poolUsers, rows: current)
                for change in update.changes {
                    try await connection.query(
                        "UPDATE public.users SET cognito_user_id = \(change.to) WHERE handle = \(change.handle)",
                        logger: logger)
                }
                return update
            }
        } catch {
            throw PostgresFailure.error(error, doing: "updating the Cognito user ids", at: url)
        }
    }
}
