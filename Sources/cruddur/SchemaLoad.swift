import ArgumentParser
import DynamoDBTypes
import Messaging

/// `cruddur schema-load`: creates the messages table as template.json declares it.
struct SchemaLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-load",
        abstract: "Create the messages table and its index as the template declares them.",
        discussion: """
            A table that already exists with the declared keys, attributes, index and stream (lambda-local start \
            creates the template's tables itself) is left as it is; one that differs is an error.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: "The SAM template declaring the table.")
    var template = "template.json"

    func run() async throws {
        let input = try TableDeclaration.createTableInput(templateAt: template, tableName: client.table)
        switch try await TableDeclaration.load(input, into: client.client()) {
        case .created(let description):
            print(try JSONOutput.text(CreateTableOutput(tableDescription: description)))
        case .alreadyExists:
            print("Table \"\(input.tableName)\" already exists and matches \(template)")
        }
    }
}
