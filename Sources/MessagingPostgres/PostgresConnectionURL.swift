import Messaging
import PostgresNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `postgresql://user[:password]@host[:port]/database[?sslmode=MODE]` URL, as Cruddur's `CONNECTION_URL`.
///
/// `sslmode` is libpq's: `disable` (the default here), `prefer`, `require` (TLS without certificate checks, as
/// libpq's `require`) or `verify-full` (TLS checking the certificate and host name against the system's roots).
public struct PostgresConnectionURL: Sendable, Hashable, CustomStringConvertible {
    /// How TLS is used.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain TCP otherwise.
        case prefer
        /// TLS or no connection; the certificate is not checked.
        case require
        /// TLS with the certificate and host name checked.
        case verifyFull = "verify-full"
    }

    /// The server's host.
    public var host: String
    /// The server's port (5432 when the URL has none).
    public var port: Int
    /// The user (`postgres` when the URL has none).
    public var username: String
    /// The password, if the URL has one.
    public var password: String?
    /// The database (the user's name when the URL has none, as libpq does).
    public var database: String
    /// How TLS is used.
    public var tls: TLSMode

    /// Parses `text`.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` naming the URL (without its password) and what is wrong.
    public init(_ text: String) throws(MessagingError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw MessagingError(
                .invalidArgument,
                "Connection URL \"\(Self.redacted(text))\" is not a postgresql://user:password@host:port/database URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw MessagingError(.invalidArgument, "Connection URL \"\(Self.redacted(text))\" names no host")
        }
        var tls = TLSMode.disable
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw MessagingError(
                    .invalidArgument,
                    "Connection URL \"\(Self.redacted(text))\" has the unsupported parameter \"\(item.name)\" "
                        + "(only sslmode is read)")
            }
            guard let mode = TLSMode(rawValue: item.value ?? "") else {
                throw MessagingError(
                    .invalidArgument,
                    "Connection URL \"\(Self.redacted(text))\" has sslmode \"\(item.value ?? "")\"; use one of "
                        + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            tls = mode
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? username : path
        self.tls = tls
    }

    /// `host:port/database`: where the server is, never the password.
    public var description: String { "\(host):\(port)/\(database)" }

    /// The connection's configuration for postgres-nio.
    ///
    /// - Throws: ``MessagingError`` `.database` when the TLS context cannot be made.
    func configuration() throws(MessagingError) -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        do {
            switch tls {
            case .disable:
                mode = .disable
            case .prefer, .require:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                let context = try NIOSSLContext(configuration: settings)
                mode = tls == .prefer ? .prefer(context) : .require(context)
            case .verifyFull:
                mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw MessagingError(.database, "Cannot set up TLS for PostgreSQL at \(self): \(error)")
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
    }

    /// `text` with the password of its user part replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.firstRange(of: "://"), let at = text.lastIndex(of: "@"), at > scheme.upperBound,
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
