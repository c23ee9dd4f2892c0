import ArgumentParser
import DynamoDBTypes

/// `cruddur drop [TABLE]`: deletes a table.
struct Drop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a table (the messages table by default).")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The table to delete; defaults to --table.")
    var name: String?

    func run() async throws {
        let table = name ?? client.table
        _ = try await client.client().deleteTable(DeleteTableInput(tableName: table))
        print("Deleted table \(table)")
    }
}
