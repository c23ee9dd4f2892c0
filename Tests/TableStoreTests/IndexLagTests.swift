import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct IndexLagTests {
    func lagged(_ clock: ManualClock, delay: Duration = .milliseconds(200)) throws -> TableStore {
        var configuration = TableStore.Configuration(region: "ca-central-1", accountID: "123456789012") { clock.now }
        configuration.indexPropagationDelay = delay
        return try TableStore(inMemory: configuration)
    }

    func groupKeys(_ store: TableStore, _ group: String = "g") async throws -> [String] {
        let output = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", indexName: "message-group-sk-index",
                keyConditionExpression: "message_group_uuid = :g", expressionAttributeValues: [":g": .s(group)]))
        return (output.items ?? []).compactMap {
            guard case .s(let pk)? = $0["pk"], case .s(let sk)? = $0["sk"] else { return nil }
            return pk + "@" + sk
        }
    }

    func row(_ owner: String, _ sk: String) -> Item {
        ["pk": .s("GRP#" + owner), "sk": .s(sk), "message_group_uuid": .s("g")]
    }

    @Test("with a delay, a GSI shows writes only once they are due and applied; the table at once")
    func lagVisibility() async throws {
        let clock = ManualClock()
        let store = try lagged(clock)
        _ = try await store.createTable(cruddurTable())
        try await store.put("cruddur-messages", row("a", "1"))
        #expect(try await groupKeys(store).isEmpty)
        let base = try await store.getItem(
            GetItemInput(tableName: "cruddur-messages", key: ["pk": .s("GRP#a"), "sk": .s("1")]))
        #expect(base.item != nil)
        // Not due yet: applying changes nothing.
        clock.advance(by: 0.1)
        #expect(try await store.applyDueIndexUpdates() == 0)
        #expect(try await groupKeys(store).isEmpty)
        clock.advance(by: 0.1)
        #expect(try await store.applyDueIndexUpdates() == 1)
        #expect(try await groupKeys(store) == ["GRP#a@1"])

        // A row moved (delete + put in one transaction) is missing from the index until the move is due.
        _ = try await store.transactWriteItems(
            TransactWriteItemsInput(transactItems: [
                TransactWriteItem(
                    delete: TransactDelete(key: ["pk": .s("GRP#a"), "sk": .s("1")], tableName: "cruddur-messages")),
                TransactWriteItem(put: TransactPut(item: row("a", "2"), tableName: "cruddur-messages")),
            ]))
        #expect(try await groupKeys(store).isEmpty)
        clock.advance(by: 0.2)
        #expect(try await store.applyDueIndexUpdates() == 2)
        #expect(try await groupKeys(store) == ["GRP#a@2"])
    }

    @Test("without a delay nothing is queued and the index is current in the writer's transaction")
    func noDelay() async throws {
        let clock = ManualClock()
        let store = try lagged(clock, delay: .zero)
        _ = try await store.createTable(cruddurTable())
        try await store.put("cruddur-messages", row("a", "1"))
        #expect(try await groupKeys(store) == ["GRP#a@1"])
        #expect(try await store.applyDueIndexUpdates() == 0)
        let queued = try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM index_lag_queue") }
        #expect(queued == 0)
    }
}
