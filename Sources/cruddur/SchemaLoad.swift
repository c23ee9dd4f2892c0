import ArgumentParser
import DynamoDBTypes
import Messaging

/// `cruddur schema-load`: creates the messages table as template.json declares it.
struct SchemaLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-load", abstract: "Create the messages table and its index as the template declares them.")

    @OptionGroup var client: ClientOptions

    @Option(help: "The SAM template declaring the table.")
    var template = "template.json"

    func run() async throws {
        let input = try TableDeclaration.createTableInput(templateAt: template, tableName: client.table)
        let output = try await client.client().createTable(input)
        print(try JSONOutput.text(output))
    }
}
