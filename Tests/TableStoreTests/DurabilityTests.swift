import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct DurabilityTests {
    @Test("tables, items, indexes and stream records survive closing and reopening the file")
    func reopen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tablestore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let arn: String
        do {
            let store = try TableStore(stateDirectory: directory.path)
            arn = try #require(try await store.createTable(cruddurTable()).tableDescription?.latestStreamArn)
            try await store.put(
                "cruddur-messages", ["pk": .s("GRP#a"), "sk": .s("2023"), "message_group_uuid": .s("g")])
        }
        let reopened = try TableStore(stateDirectory: directory.path)
        let item = try await reopened.getItem(
            GetItemInput(tableName: "cruddur-messages", key: ["pk": .s("GRP#a"), "sk": .s("2023")]))
        #expect(item.item?["message_group_uuid"] == .s("g"))
        let byIndex = try await reopened.query(
            QueryInput(
                tableName: "cruddur-messages", indexName: "message-group-sk-index",
                keyConditionExpression: "message_group_uuid = :g",
                expressionAttributeValues: [":g": .s("g")]))
        #expect(byIndex.count == 1)
        #expect(try await reopened.readRecords(streamArn: arn, after: nil).map(\.eventName) == [.insert])
    }

    @Test("concurrent writers are serialized: every increment lands")
    func concurrentIncrements() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tablestore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try TableStore(stateDirectory: directory.path)
        _ = try await store.createTable(simpleTable(sortType: nil))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    _ = try await store.updateItem(
                        UpdateItemInput(
                            tableName: "things", key: ["pk": .s("counter")], updateExpression: "ADD hits :one",
                            expressionAttributeValues: [":one": .n("1")]))
                }
                group.addTask {
                    _ = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("counter")]))
                }
            }
            try await group.waitForAll()
        }
        let item = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("counter")]))
        #expect(item.item?["hits"] == .n("50"))
    }
}
