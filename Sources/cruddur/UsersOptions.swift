import ArgumentParser
import Messaging
import MessagingPostgres

/// Where users come from: Cruddur's PostgreSQL when a connection URL is given (`--connection-url` or
/// `CONNECTION_URL`), the JSON fixture otherwise.
struct UsersOptions: ParsableArguments {
    @Option(
        help: """
            The users fixture (a JSON array of {uuid, handle, display_name, cognito_sub}), read when no connection \
            URL is given.
            """)
    var users = "fixtures/users.json"

    @OptionGroup var database: DatabaseOptions

    /// Runs `body` with the PostgreSQL store (closing its connection afterwards) or the fixture.
    func withStore<Result>(_ body: (any UserStore) async throws -> Result) async throws -> Result {
        if let url = try database.url() {
            return try await PostgresUserStore.withStore(url) { store in try await body(store) }
        }
        return try await body(try UserDirectory(contentsOf: users))
    }
}
