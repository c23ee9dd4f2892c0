import Messaging
import PostgresNIO

/// Cruddur's users schema and seed users (`backend-flask/db/schema.sql` and `seed.sql`), made idempotent.
extension PostgresUserStore {
    /// What ``loadSchema()`` found.
    public enum SchemaLoadResult: Sendable, Equatable {
        /// `public.users` was created.
        case created
        /// `public.users` already existed; it was left as it is (its handle index added when missing).
        case alreadyExists
    }

    /// One of Cruddur's seed users.
    public struct SeedUser: Sendable, Hashable {
        /// `display_name`.
        public var displayName: String
        /// `handle`.
        public var handle: String
        /// `email`.
        public var email: String
    }

    /// The seed users of Cruddur's `seed.sql` (whose `cognito_user_id` is `MOCK`).
    public static let seedUsers = [
        SeedUser(displayName: "Andrew Brown", handle: "andrewbrown", email: "andrew@exampro.co"),
        SeedUser(displayName: "Andrew Bayko", handle: "bayko", email: "bayko@exampro.co"),
        SeedUser(displayName: "Londo Mollari", handle: "londo", email: "lmollari@centari.com"),
    ]

    /// The `cognito_user_id` of seeded users until `update-cognito-user-ids` sets the real one.
    public static let mockCognitoUserID = "MOCK"

    /// Creates `public.users` (uuid, display_name, handle, email, cognito_user_id, created_at) and a unique index
    /// on `handle` unless they exist.
    ///
    /// - Throws: ``MessagingError`` `.database` when the server refuses (e.g. existing rows share a handle).
    public func loadSchema() async throws(MessagingError) -> SchemaLoadResult {
        do {
            let rows = try await connection.query("SELECT to_regclass('public.users') IS NOT NULL", logger: logger)
            var exists = false
            for try await (found) in rows.decode(Bool.self) { exists = found }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS public.users (
                  uuid UUID DEFAULT gen_random_uuid() PRIMARY KEY,
                  display_name text NOT NULL,
                  handle text NOT NULL,
                  email text NOT NULL,
                  cognito_user_id text NOT NULL,
                  created_at TIMESTAMP default current_timestamp NOT NULL
                )
                """, logger: logger)
            try await connection.query(
                "CREATE UNIQUE INDEX IF NOT EXISTS users_handle_key ON public.users (handle)", logger: logger)
            return exists ? .alreadyExists : .created
        } catch {
            throw PostgresFailure.error(error, doing: "loading the users schema", at: url)
        }
    }

    /// Inserts each seed user whose handle is not in the table yet, with `cognito_user_id` = `MOCK`.
    ///
    /// - Returns: The handles inserted (those already present are left as they are).
    /// - Throws: ``MessagingError`` `.database` when the table is missing or the server refuses.
    public func seed() async throws(MessagingError) -> [String] {
        var inserted: [String] = []
        do {
            for user in Self.seedUsers {
                let result = try await connection.query(
                    """
                    INSERT INTO public.users (display_name, handle, email, cognito_user_id) \
                    SELECT \(user.displayName), \(user.handle), \(user.email), \(Self.mockCognitoUserID) \
                    WHERE NOT EXISTS (SELECT 1 FROM public.users WHERE handle = \(user.handle)) \
                    RETURNING handle
                    """, logger: logger)
                for try await (handle) in result.decode(String.self) { inserted.append(handle) }
            }
        } catch {
            throw PostgresFailure.error(error, doing: "seeding the users", at: url)
        }
        return inserted
    }
}
