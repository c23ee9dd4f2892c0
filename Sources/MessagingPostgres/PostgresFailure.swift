import Messaging
import PostgresNIO

/// PostgreSQL's errors as ``MessagingError``s that say what failed, where, and what to do about it.
enum PostgresFailure {
    /// `error`, thrown while doing `what` on the server at `url`, as a `.database` error: the server's message and
    /// SQLSTATE for server errors (with a hint to run `cruddur db schema-load` when the users table is missing),
    /// "cannot be reached" with the reason for connection failures.
    static func error(_ error: any Error, doing what: String, at url: PostgresConnectionURL) -> MessagingError {
        if let error = error as? MessagingError { return error }
        if let transaction = error as? PostgresTransactionError {
            let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError
            return inner.map { self.error($0, doing: what, at: url) }
                ?? MessagingError(.database, "PostgreSQL at \(url): \(what) failed in its transaction")
        }
        guard let error = error as? PSQLError else {
            return MessagingError(.database, "PostgreSQL at \(url): \(what) failed: \(error)")
        }
        if let server = error.serverInfo {
            let state = server[.sqlState] ?? ""
            let message = server[.message] ?? "an error without a message"
            if state == "42P01" {
                return MessagingError(
                    .database,
                    "PostgreSQL at \(url) has no users table (\(message)); run `cruddur db schema-load` first")
            }
            return MessagingError(.database, "PostgreSQL at \(url): \(what) failed: \(message) (SQLSTATE \(state))")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .sslUnsupported, .failedToAddSSLHandler:
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return MessagingError(.database, "PostgreSQL at \(url) cannot be reached: \(reason)")
        default:
            return MessagingError(
                .database, "PostgreSQL at \(url): \(what) failed: \(error.code)"
                    + (error.underlying.map { " (\($0))" } ?? ""))
        }
    }
}
