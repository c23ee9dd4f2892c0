import ArgumentParser
import DynamoDBTypes

/// `cruddur scan`: prints every item of the table, one JSON object per line.
struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every item of the table.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let dynamoDB = client.client()
        var start: Item?
        repeat {
            let output = try await dynamoDB.scan(ScanInput(tableName: client.table, exclusiveStartKey: start))
            for item in output.items ?? [] { print(try JSONOutput.line(item)) }
            start = output.lastEvaluatedKey
        } while start != nil
    }
}
