import Logging
import MessagingPostgres
import PostgresNIO
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The throwaway cluster scripts/test.sh starts (scripts/postgres-test-cluster.sh), named by
/// `LAMBDALOCAL_TEST_POSTGRES_URL`. Each test gets a database of its own, dropped afterwards.
enum TestDatabase {
    static let variable = "LAMBDALOCAL_TEST_POSTGRES_URL"
    static let adminURL = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs the suite when a cluster is given; under CI=true always, so that a missing PostgreSQL fails it.
    static var available: Bool { adminURL != nil || isCI }

    /// Creates a fresh database, runs `body` with its URL, then drops it.
    static func withDatabase(_ body: (PostgresConnectionURL) async throws -> Void) async throws {
        guard let adminURL else {
            Issue.record("\(variable) is not set: run the tests through scripts/test.sh, which starts PostgreSQL")
            return
        }
        let admin = try PostgresConnectionURL(adminURL)
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withAdmin(admin) { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger) }
        var url = admin
        url.database = name
        do {
            try await body(url)
        } catch {
            try await drop(name, admin)
            throw error
        }
        try await drop(name, admin)
    }

    static let logger = Logger(label: "tests") { _ in SwiftLogNoOpLogHandler() }

    /// Runs SQL as the cluster's superuser on its `postgres` database.
    static func withAdmin(_ url: PostgresConnectionURL, _ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.username, password: url.password,
                database: url.database, tls: .disable),
            id: 1, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private static func drop(_ name: String, _ admin: PostgresConnectionURL) async throws {
        try await withAdmin(admin) {
            try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }

    /// Runs SQL in the test's database.
    static func execute(_ sql: String, in url: PostgresConnectionURL) async throws {
        try await withAdmin(url) { try await $0.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }
}
