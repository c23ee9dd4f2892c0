import ArgumentParser
import DynamoDBTypes
import Emulator
import FunctionRunner
import Foundation

/// `lambda-local generate-event`: sample events with AWS's exact shape.
struct GenerateEvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-event", abstract: "Print a sample event for a service.", subcommands: [DynamoDB.self])

    /// `generate-event dynamodb insert|modify|remove|batch`.
    struct DynamoDB: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dynamodb", abstract: "A DynamoDB stream event (Records with AWS's field formats).")

        @Argument(help: "insert, modify, remove or batch (INSERT, MODIFY and REMOVE of one item).")
        var kind: SampleStreamEvent.Kind

        @Option(help: "Table name in the stream ARN.")
        var table = "ExampleTableWithStream"

        @Option(help: "Region.")
        var region = "us-east-1"

        @Option(help: "Account ID.")
        var accountID = "123456789012"

        @Option(help: "Partition.")
        var partition = "aws"

        @Option(help: "The item's key as DynamoDB JSON, e.g. '{\"pk\":{\"S\":\"a\"}}'.")
        var keys: String?

        @Option(help: "The new image as DynamoDB JSON.")
        var newImage: String?

        @Option(help: "The old image as DynamoDB JSON.")
        var oldImage: String?

        @Option(help: "KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.")
        var viewType: StreamViewType = .newAndOldImages

        func run() throws {
            var options = SampleStreamEvent.Options()
            options.tableName = table
            options.region = region
            options.account = accountID
            options.partition = partition
            options.viewType = viewType
            if let keys { options.keys = try ItemArgument.parse(keys, option: "--keys") }
            if let newImage { options.newImage = try ItemArgument.parse(newImage, option: "--new-image") }
            if let oldImage { options.oldImage = try ItemArgument.parse(oldImage, option: "--old-image") }
            let event = SampleStreamEvent.make(kind: kind, options: options)
            print(try SampleEventText.prettyJSON(event))
        }
    }
}

extension SampleStreamEvent.Kind: ExpressibleByArgument {}
extension StreamViewType: ExpressibleByArgument {}
