import ArgumentParser
import Messaging
import MessagingPostgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Cruddur's PostgreSQL: `--connection-url`, else the `CONNECTION_URL` variable as Cruddur names it.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            Cruddur's PostgreSQL, e.g. postgresql://postgres:password@localhost:5432/cruddur (default: \
            $CONNECTION_URL).
            """,
            valueName: "url"))
    var connectionURL: String?

    /// The URL given, if any.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` when `CONNECTION_URL` is not a PostgreSQL URL (a wrong
    ///   `--connection-url` is refused by validation before).
    func url() throws(MessagingError) -> PostgresConnectionURL? {
        if let connectionURL { return try PostgresConnectionURL(connectionURL) }
        guard let variable = ProcessInfo.processInfo.environment["CONNECTION_URL"], !variable.isEmpty else {
            return nil
        }
        do throws(MessagingError) {
            return try PostgresConnectionURL(variable)
        } catch {
            throw MessagingError(.invalidArgument, "CONNECTION_URL: \(error.message)")
        }
    }

    /// The URL, which the command cannot do without.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` when neither `--connection-url` nor `CONNECTION_URL` is set.
    func requiredURL() throws(MessagingError) -> PostgresConnectionURL {
        guard let url = try url() else {
            throw MessagingError(
                .invalidArgument, "No PostgreSQL given: pass --connection-url or set CONNECTION_URL")
        }
        return url
    }

    func validate() throws {
        guard let connectionURL else { return }
        do throws(MessagingError) {
            _ = try PostgresConnectionURL(connectionURL)
        } catch {
            throw ValidationError("--connection-url: \(error.message)")
        }
    }
}
