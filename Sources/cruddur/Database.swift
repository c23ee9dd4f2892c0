import ArgumentParser

/// `cruddur db`: Cruddur's users in PostgreSQL.
struct Database: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Cruddur's users table in PostgreSQL (--connection-url or CONNECTION_URL).",
        subcommands: [DatabaseSchemaLoad.self, DatabaseSeed.self, DatabaseListUsers.self])
}
