import ArgumentParser
import DynamoDBTypes

/// `cruddur list-tables`: prints every table name.
struct ListTables: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-tables", abstract: "Print the table names.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let dynamoDB = client.client()
        var start: String?
        repeat {
            let output = try await dynamoDB.listTables(ListTablesInput(exclusiveStartTableName: start))
            for name in output.tableNames ?? [] { print(name) }
            start = output.lastEvaluatedTableName
        } while start != nil
    }
}
