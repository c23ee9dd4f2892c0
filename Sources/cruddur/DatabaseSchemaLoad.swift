import ArgumentParser
import MessagingPostgres

/// `cruddur db schema-load`: creates `public.users` unless it exists.
struct DatabaseSchemaLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-load",
        abstract: "Create Cruddur's users table (public.users) and its handle index unless they exist.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.requiredURL()
        let result = try await PostgresUserStore.withStore(url) { try await $0.loadSchema() }
        switch result {
        case .created: print("Created table public.users in \(url)")
        case .alreadyExists: print("Table public.users already exists in \(url)")
        }
    }
}
