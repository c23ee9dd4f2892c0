import DynamoDBTypes
import Testing

@testable import TableStore

struct CruddurTests {
    static let group = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"

    /// The Cruddur table seeded with two group rows and 25 messages (2023) plus one from 2022.
    func seeded() async throws -> TableStore {
        let store = try makeStore()
        _ = try await store.createTable(cruddurTable())
        for (owner, other) in [("andrew", "bayko"), ("bayko", "andrew")] {
            try await store.put(
                "cruddur-messages",
                [
                    "pk": .s("GRP#\(owner)"), "sk": .s("2023-03-20T16:00:00.000000+00:00"),
                    "message_group_uuid": .s(Self.group), "message": .s("filler"), "user_handle": .s(other),
                ])
        }
        try await store.put(
            "cruddur-messages",
            ["pk": .s("MSG#\(Self.group)"), "sk": .s("2022-12-31T23:59:59.000000+00:00"), "message": .s("old")])
        for minute in 0..<25 {
            let padded = minute < 10 ? "0\(minute)" : "\(minute)"
            try await store.put(
                "cruddur-messages",
                [
                    "pk": .s("MSG#\(Self.group)"), "sk": .s("2023-03-20T16:\(padded):00.000000+00:00"),
                    "message": .s("line \(minute)"), "user_handle": .s(minute % 2 == 0 ? "andrew" : "bayko"),
                ])
        }
        return store
    }

    @Test("Pattern A: newest 20 messages of the year, newest first")
    func patternA() async throws {
        let store = try await seeded()
        let output = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", limit: 20, scanIndexForward: false, returnConsumedCapacity: .total,
                keyConditionExpression: "pk = :pk AND begins_with(sk, :year)",
                expressionAttributeValues: [":pk": .s("MSG#\(Self.group)"), ":year": .s("2023")]))
        let texts = output.items?.map { $0["message"] } ?? []
        #expect(texts.count == 20)
        #expect(texts.first == .s("line 24"))
        #expect(texts.last == .s("line 5"))
        #expect(
            output.lastEvaluatedKey == ["pk": .s("MSG#\(Self.group)"), "sk": .s("2023-03-20T16:05:00.000000+00:00")])
        #expect(output.consumedCapacity == ConsumedCapacity(tableName: "cruddur-messages", capacityUnits: 0.5))
    }

    @Test("Pattern B: a user's conversations; the sparse GSI holds only group rows")
    func patternB() async throws {
        let store = try await seeded()
        let inbox = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", limit: 20, scanIndexForward: false,
                keyConditionExpression: "pk = :pk AND begins_with(sk, :year)",
                expressionAttributeValues: [":pk": .s("GRP#andrew"), ":year": .s("2023")]))
        #expect(inbox.items?.map { $0["user_handle"] } == [.s("bayko")])
        #expect(inbox.items?.first?["message_group_uuid"] == .s(Self.group))
        let byGroup = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", indexName: "message-group-sk-index", limit: 1,
                keyConditionExpression: "message_group_uuid = :g", expressionAttributeValues: [":g": .s(Self.group)]))
        #expect(byGroup.count == 1)
        #expect(byGroup.items?.first?["pk"] == .s("GRP#andrew"))
        // An index page's LastEvaluatedKey carries the index key and the table key.
        #expect(
            byGroup.lastEvaluatedKey == [
                "pk": .s("GRP#andrew"), "sk": .s("2023-03-20T16:00:00.000000+00:00"),
                "message_group_uuid": .s(Self.group),
            ])
        let rest = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", indexName: "message-group-sk-index",
                exclusiveStartKey: byGroup.lastEvaluatedKey,
                keyConditionExpression: "message_group_uuid = :g", expressionAttributeValues: [":g": .s(Self.group)]))
        #expect(rest.items?.map { $0["pk"] } == [.s("GRP#bayko")])
        #expect(rest.lastEvaluatedKey == nil)
        let indexScan = try await store.scan(
            ScanInput(tableName: "cruddur-messages", indexName: "message-group-sk-index"))
        #expect(indexScan.count == 2)
    }
}
