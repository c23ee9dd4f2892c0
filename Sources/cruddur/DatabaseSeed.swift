import ArgumentParser
import MessagingPostgres

/// `cruddur db seed`: Cruddur's seed users, `cognito_user_id` = `MOCK`.
struct DatabaseSeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Insert Cruddur's seed users (andrewbrown, bayko, londo; cognito_user_id MOCK) that are missing.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.requiredURL()
        let inserted = try await PostgresUserStore.withStore(url) { try await $0.seed() }
        let present = PostgresUserStore.seedUsers.map(\.handle).filter { !inserted.contains($0) }
        print(
            "Seeded \(url): inserted \(inserted.isEmpty ? "none" : inserted.joined(separator: ", "))"
                + (present.isEmpty ? "" : "; already present: \(present.joined(separator: ", "))"))
    }
}
