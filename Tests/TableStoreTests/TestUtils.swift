import DynamoDBTypes
import Synchronization

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_679_328_538.25)) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// A fresh in-memory store on a manual clock.
func makeStore(clock: ManualClock = ManualClock()) throws -> TableStore {
    try TableStore(
        inMemory: TableStore.Configuration(region: "ca-central-1", accountID: "123456789012", now: { clock.now }))
}

/// A table keyed `pk` (S) and optionally `sk` of the given type.
func simpleTable(
    _ name: String = "things", sortType: ScalarAttributeType? = .s, stream: StreamViewType? = nil
) -> CreateTableInput {
    var definitions = [AttributeDefinition(attributeName: "pk", attributeType: .s)]
    var schema = [KeySchemaElement(attributeName: "pk", keyType: .hash)]
    if let sortType {
        definitions.append(AttributeDefinition(attributeName: "sk", attributeType: sortType))
        schema.append(KeySchemaElement(attributeName: "sk", keyType: .range))
    }
    return CreateTableInput(
        attributeDefinitions: definitions, tableName: name, keySchema: schema, billingMode: .payPerRequest,
        streamSpecification: stream.map { StreamSpecification(streamEnabled: true, streamViewType: $0) })
}

/// The Cruddur messages table (cruddur.md): pk/sk, sparse GSI message-group-sk-index, stream NEW_IMAGE.
func cruddurTable() -> CreateTableInput {
    CreateTableInput(
        attributeDefinitions: [
            AttributeDefinition(attributeName: "pk", attributeType: .s),
            AttributeDefinition(attributeName: "sk", attributeType: .s),
            AttributeDefinition(attributeName: "message_group_uuid", attributeType: .s),
        ],
        tableName: "cruddur-messages",
        keySchema: [
            KeySchemaElement(attributeName: "pk", keyType: .hash),
            KeySchemaElement(attributeName: "sk", keyType: .range),
        ],
        globalSecondaryIndexes: [
            GlobalSecondaryIndex(
                indexName: "message-group-sk-index",
                keySchema: [
                    KeySchemaElement(attributeName: "message_group_uuid", keyType: .hash),
                    KeySchemaElement(attributeName: "sk", keyType: .range),
                ],
                projection: Projection(projectionType: .all),
                provisionedThroughput: ProvisionedThroughput(readCapacityUnits: 5, writeCapacityUnits: 5))
        ],
        provisionedThroughput: ProvisionedThroughput(readCapacityUnits: 5, writeCapacityUnits: 5),
        streamSpecification: StreamSpecification(streamEnabled: true, streamViewType: .newImage))
}

/// Runs `body` and returns the DynamoDBError it threw (nil if it did not throw).
func dynamoError(_ body: () async throws -> Void) async -> DynamoDBError? {
    do {
        try await body()
        return nil
    } catch let error as DynamoDBError {
        return error
    } catch {
        return DynamoDBError(.internalServerError, "unexpected error type: \(error)")
    }
}

extension TableStore {
    /// Puts a plain item (test shorthand).
    func put(_ table: String, _ item: Item) async throws {
        _ = try await putItem(PutItemInput(tableName: table, item: item))
    }

    /// Every stored stream record of a stream, oldest first (test shorthand).
    func storedRecords(_ arn: String) async throws -> [StoredStreamRecord] {
        try await read { db in
            try Data.fetchAll(
                db, sql: "SELECT record FROM stream_records WHERE stream_arn = ? ORDER BY seq", arguments: [arn]
            )
            .map { try StoredStreamRecord(decoding: $0) }
        }
    }
}
