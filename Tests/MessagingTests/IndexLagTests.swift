import DynamoDBClient
import DynamoDBTypes
import LambdaTesting
import Messaging
import MessagingStreamHandler
import Testing

/// MessagingStream with the group index lagging the table (AWS's eventual consistency): rows missing from the
/// index are found in their owners' partitions, so no inbox stays on an older message.
struct IndexLagTests {
    static let t0 = "2026-11-20T09:00:00.000000+00:00"
    static let t1 = "2026-11-20T09:01:00.000000+00:00"
    static let t2 = "2026-11-20T09:02:00.000000+00:00"

    /// A harness whose index shows nothing until `applyDueIndexUpdates()` runs an hour later.
    func laggingHarness() async throws -> LambdaTestHarness {
        try await LambdaTestHarness(indexPropagationDelay: .seconds(3600))
    }

    func handler(_ harness: LambdaTestHarness) throws -> InboxUpdateHandler {
        InboxUpdateHandler(
            operations: harness.operations,
            configuration: try HandlerConfiguration(environment: harness.environment(function: "MessagingStream")))
    }

    @Test("rows the index does not show yet are found through the sender and moved, not skipped as unknown")
    func rowsMissingFromIndexAreMoved() async throws {
        let harness = try await laggingHarness()
        let users = try fixtureUsers()
        let andrew = try users.user(handle: "andrewbrown")
        let bayko = try users.user(handle: "bayko")
        try await putGroupRows(harness.operations, group: groupOne, first: andrew, second: bayko, sk: Self.t0, text: "hi")
        // The index really lags: it shows no row of the group.
        let indexed = try await harness.operations.query(
            QueryInput(
                tableName: table, indexName: "message-group-sk-index", keyConditionExpression: "message_group_uuid = :g",
                expressionAttributeValues: [":g": .s(groupOne)]))
        #expect(indexed.items?.isEmpty == true)

        var records = try await harness.streamRecords(table: table)
        let first = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t1, text: "one"))
        let second = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t2, text: "two"))
        let handler = try handler(harness)
        // Two invocations: the second runs while the rows the first moved are still missing from the index.
        let firstResponse = try await harness.invoke(
            handler, event: DynamoDBStreamEvent(records: [first]), functionName: "MessagingStream")
        let secondResponse = try await harness.invoke(
            handler, event: DynamoDBStreamEvent(records: [second]), functionName: "MessagingStream")
        #expect(firstResponse.batchItemFailures.isEmpty && secondResponse.batchItemFailures.isEmpty)
        let rows = try await groupRows(harness, group: groupOne)
        #expect(
            rows
                == [
                    groupRow(owner: andrew, other: bayko, group: groupOne, sk: Self.t2, text: "two"),
                    groupRow(owner: bayko, other: andrew, group: groupOne, sk: Self.t2, text: "two"),
                ].sorted { "\($0["pk"]!)" < "\($1["pk"]!)" })
        #expect(harness.logs.entries.map { $0.metadata["outcome"] ?? "?" } == ["moved", "moved"])
    }

    @Test("a group with no rows in the index nor the sender's partition is still unknown")
    func unknownGroupUnderLag() async throws {
        let harness = try await laggingHarness()
        let londo = try fixtureUsers().user(handle: "londo")
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: londo, sk: Self.t1, text: "anyone?"))
        let response = try await harness.invoke(
            handler(harness), event: DynamoDBStreamEvent(records: [record]), functionName: "MessagingStream")
        #expect(response.batchItemFailures.isEmpty)
        #expect(harness.logs.entries.map { $0.metadata["outcome"] ?? "?" } == ["unknown-group"])
    }
}
