import DynamoDBTypes
import Testing

@testable import TableStore

/// A table's stream ends when the table is deleted or its stream disabled (issue 12 item 7): waiting readers
/// resume and find it read to its end.
struct StreamEndTests {
    @Test("deleting the table resumes a waiting reader, which then finds the stream read to its end", .timeLimit(.minutes(1)))
    func deleteWakesWaiter() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1")])
        let last = try #require(try await store.readRecords(streamArn: arn, after: nil).last?.dynamodb.sequenceNumber)
        #expect(try await store.isReadToEnd(streamArn: arn, after: last) == false)
        let waiting = Task { try await store.waitForRecords(streamArn: arn, after: last) }
        try await Task.sleep(for: .milliseconds(50))
        _ = try await store.deleteTable(DeleteTableInput(tableName: "things"))
        _ = try await waiting.value
        #expect(try await store.isReadToEnd(streamArn: arn, after: last))
        #expect(try await store.isReadToEnd(streamArn: arn, after: nil) == false, "its one record is still there")
        // Later waits on the closed stream return at once, saying it is read to its end.
        #expect(try await store.waitForRecords(streamArn: arn, after: last))
    }

    @Test("disabling the stream ends it the same way", .timeLimit(.minutes(1)))
    func disableEndsStream() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        let waiting = Task { try await store.waitForRecords(streamArn: arn, after: nil) }
        try await Task.sleep(for: .milliseconds(50))
        _ = try await store.updateTable(
            UpdateTableInput(tableName: "things", streamSpecification: StreamSpecification(streamEnabled: false)))
        _ = try await waiting.value
        #expect(try await store.isReadToEnd(streamArn: arn, after: nil))
    }
}
