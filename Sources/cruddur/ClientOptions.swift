import ArgumentParser
import DynamoDBClient
import Messaging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where DynamoDB is and which table holds the messages.
struct ClientOptions: ParsableArguments {
    @Option(help: "The DynamoDB endpoint.")
    var endpointURL = "http://localhost:8000"

    @Option(help: "The messages table.")
    var table = MessagingSchema.tableName

    /// A client for `endpointURL`; region and credentials come from the standard AWS variables (requests go
    /// unsigned when no credentials are set, which a local endpoint accepts).
    func client() -> DynamoDBClient {
        var configuration = DynamoDBClientConfiguration.fromEnvironment()
        configuration.endpoint = endpointURL
        configuration.streamsEndpoint = endpointURL
        return DynamoDBClient(configuration: configuration)
    }

    /// The access patterns over the client, stamping messages with `now`.
    func store(now: @escaping @Sendable () -> Date = { Date() }) -> MessageStore {
        MessageStore(operations: client(), tableName: table, now: now)
    }

    func validate() throws {
        guard endpointURL.hasPrefix("http://") || endpointURL.hasPrefix("https://") else {
            throw ValidationError("--endpoint-url \"\(endpointURL)\" is not an http:// or https:// URL")
        }
    }
}

/// JSON as the original scripts printed it: indented, keys sorted, dates in ISO 8601.
enum JSONOutput {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One line, keys sorted.
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
