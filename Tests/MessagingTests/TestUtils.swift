import DynamoDBClient
import DynamoDBTypes
import Foundation
import LambdaTesting
import Messaging
import MessagingStreamHandler
import Synchronization

let table = "cruddur-messages"
let groupOne = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
let groupTwo = "0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5"

/// The repository's users fixture (andrewbrown, bayko, londo).
func fixtureUsers() throws -> UserDirectory {
    let template = try LambdaTestHarness.findTemplate(above: #filePath)
    let root = URL(fileURLWithPath: template).deletingLastPathComponent()
    return try UserDirectory(contentsOf: root.appendingPathComponent("fixtures/users.json").path)
}

/// A clock that stands still until moved.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ text: String) {
        current = Mutex(try! Date(text, strategy: .iso8601))
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Uuids `00000000-0000-4000-8000-000000000001`, `…02`, … in order.
final class SequentialUUIDs: Sendable {
    private let counter = Mutex(0)

    func next() -> UUID {
        let value = counter.withLock { count -> Int in
            count += 1
            return count
        }
        let digits = String(value)
        return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits)!
    }
}

/// A group row `GRP#<owner>` about `other`.
func groupRow(owner: User, other: User, group: String, sk: String, text: String) -> Item {
    [
        "pk": .s("GRP#\(owner.uuid)"), "sk": .s(sk), "message_group_uuid": .s(group), "message": .s(text),
        "user_uuid": .s(other.uuid), "user_display_name": .s(other.displayName), "user_handle": .s(other.handle),
    ]
}

/// A message item `MSG#<group>` from `sender`.
func messageItem(group: String, sender: User, sk: String, text: String, uuid: String = UUID().uuidString) -> Item {
    [
        "pk": .s("MSG#\(group)"), "sk": .s(sk), "message_uuid": .s(uuid.lowercased()), "message": .s(text),
        "user_uuid": .s(sender.uuid), "user_display_name": .s(sender.displayName), "user_handle": .s(sender.handle),
    ]
}

/// Puts both group rows of a conversation between `first` and `second`, at `sk`.
func putGroupRows(
    _ operations: any DynamoDBOperations, group: String, first: User, second: User, sk: String, text: String
) async throws {
    for (owner, other) in [(first, second), (second, first)] {
        _ = try await operations.putItem(
            PutItemInput(tableName: table, item: groupRow(owner: owner, other: other, group: group, sk: sk, text: text))
        )
    }
}

/// The group rows of `group` (scan, so the GSI is not involved), as (owner handle-less pk, sk, message).
func groupRows(_ harness: LambdaTestHarness, group: String) async throws -> [Item] {
    try await harness.items(of: table).filter { $0["message_group_uuid"] == .s(group) }
        .sorted { "\($0["pk"]!)\($0["sk"]!)" < "\($1["pk"]!)\($1["sk"]!)" }
}

/// Operations that forward to `base` but run `beforeTransaction` first on each TransactWriteItems (to fail it, or
/// to race it with a concurrent writer), and `beforeQuery` on each Query (to count them).
struct ScriptedOperations: DynamoDBOperations {
    let base: any DynamoDBOperations
    let beforeTransaction: @Sendable (TransactWriteItemsInput) async throws(DynamoDBClientError) -> Void
    var beforeQuery: @Sendable (QueryInput) async -> Void = { _ in }

    func getItem(_ input: GetItemInput) async throws(DynamoDBClientError) -> GetItemOutput {
        try await base.getItem(input)
    }
    func putItem(_ input: PutItemInput) async throws(DynamoDBClientError) -> PutItemOutput {
        try await base.putItem(input)
    }
    func deleteItem(_ input: DeleteItemInput) async throws(DynamoDBClientError) -> DeleteItemOutput {
        try await base.deleteItem(input)
    }
    func updateItem(_ input: UpdateItemInput) async throws(DynamoDBClientError) -> UpdateItemOutput {
        try await base.updateItem(input)
    }
    func query(_ input: QueryInput) async throws(DynamoDBClientError) -> QueryOutput {
        await beforeQuery(input)
        return try await base.query(input)
    }
    func scan(_ input: ScanInput) async throws(DynamoDBClientError) -> ScanOutput {
        try await base.scan(input)
    }
    func batchWriteItem(_ input: BatchWriteItemInput) async throws(DynamoDBClientError) -> BatchWriteItemOutput {
        try await base.batchWriteItem(input)
    }
    func batchGetItem(_ input: BatchGetItemInput) async throws(DynamoDBClientError) -> BatchGetItemOutput {
        try await base.batchGetItem(input)
    }
    func transactWriteItems(_ input: TransactWriteItemsInput) async throws(DynamoDBClientError)
        -> TransactWriteItemsOutput
    {
        try await beforeTransaction(input)
        return try await base.transactWriteItems(input)
    }
    func transactGetItems(_ input: TransactGetItemsInput) async throws(DynamoDBClientError) -> TransactGetItemsOutput {
        try await base.transactGetItems(input)
    }
    func createTable(_ input: CreateTableInput) async throws(DynamoDBClientError) -> CreateTableOutput {
        try await base.createTable(input)
    }
    func describeTable(_ input: DescribeTableInput) async throws(DynamoDBClientError) -> DescribeTableOutput {
        try await base.describeTable(input)
    }
    func deleteTable(_ input: DeleteTableInput) async throws(DynamoDBClientError) -> DeleteTableOutput {
        try await base.deleteTable(input)
    }
    func listTables(_ input: ListTablesInput) async throws(DynamoDBClientError) -> ListTablesOutput {
        try await base.listTables(input)
    }
}

extension TransactWriteItemsInput {
    /// The `message_group_uuid` of the put in this transaction, if any.
    var putGroup: String? {
        for action in transactItems {
            if case .s(let group)? = action.put?.item["message_group_uuid"] { return group }
        }
        return nil
    }
}
