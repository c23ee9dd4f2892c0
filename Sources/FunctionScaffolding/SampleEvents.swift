import DynamoDBTypes
import Foundation
import SAMTemplate

/// The sample event `lambda-local new` writes under `events/`.
enum SampleEvents {
    /// `{"name": "world"}`, which the generated handler answers with "Hello, world!".
    static let plain = "{\n  \"name\": \"world\"\n}\n"

    /// One INSERT on `table`'s stream, in AWS's record format, with a sample value for each key attribute.
    static func streamInsert(table: TableDefinition, template: Template) throws -> String {
        var keys: Item = [:]
        for name in [table.keySchema.partitionKey] + [table.keySchema.sortKey].compactMap({ $0 }) {
            let type = table.attributeDefinitions.first { $0.name == name }?.type ?? .string
            switch type {
            case .string: keys[name] = .s("sample-\(name)")
            case .number: keys[name] = .n("1")
            case .binary: keys[name] = .b(Data("sample".utf8))
            }
        }
        var options = SampleStreamEvent.Options()
        options.tableName = table.tableName
        options.region = template.region
        options.account = template.accountID
        options.partition = template.partition
        options.keys = keys
        options.newImage = keys.merging(["message": .s("Hello from lambda-local new")]) { key, _ in key }
        options.viewType = table.streamViewType ?? .newAndOldImages
        options.creationTime = Date(timeIntervalSince1970: 1_767_225_600)
        let event = SampleStreamEvent.make(kind: .insert, options: options)
        return try OrderedJSONEncoder(indent: 2).encodeToString(event) + "\n"
    }
}
