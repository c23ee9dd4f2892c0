import ArgumentParser
import MessagingPostgres

/// `cruddur db list-users`: every row of `public.users`, one JSON object per line.
struct DatabaseListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-users", abstract: "Print every row of public.users as one JSON object per line, by handle.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let records = try await PostgresUserStore.withStore(try database.requiredURL()) { try await $0.allRecords() }
        for record in records { print(try JSONOutput.line(record)) }
    }
}
