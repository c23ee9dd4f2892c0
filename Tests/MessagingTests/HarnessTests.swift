import DynamoDBClient
import DynamoDBTypes
import Foundation
import LambdaRuntime
import LambdaTesting
import Messaging
import MessagingStreamHandler
import Testing

/// The harness itself: templates, event files, JSON Lines logs, the client protocol over the engine.
struct HarnessTests {
    @Test("The harness creates the template's tables and reports the engine's errors as client service errors")
    func tablesAndErrors() async throws {
        let harness = try await LambdaTestHarness()
        let tables = try await harness.operations.listTables(ListTablesInput())
        #expect(tables.tableNames == ["cruddur-messages"])
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await harness.operations.getItem(GetItemInput(tableName: "missing", key: ["pk": .s("a")]))
        }
        #expect(error?.code == .resourceNotFound)
    }

    @Test("A missing template is reported with where the search started")
    func missingTemplate() async throws {
        let error = await #expect(throws: LambdaTestingError.self) {
            try await LambdaTestHarness(filePath: "/nonexistent/dir/Test.swift")
        }
        #expect(error?.description == "No \"template.json\" found in \"/nonexistent/dir\" or above")
    }

    @Test("The sample insert batch from events/ moves the seeded rows to its second message")
    func eventFile() async throws {
        let harness = try await LambdaTestHarness()
        let users = try fixtureUsers()
        let andrew = try users.user(handle: "andrewbrown")
        let bayko = try users.user(handle: "bayko")
        try await putGroupRows(
            harness.operations, group: groupOne, first: andrew, second: bayko, sk: "2026-11-20T09:00:00.000000+00:00",
            text: "hi")
        let handler = InboxUpdateHandler(
            operations: harness.operations,
            configuration: try HandlerConfiguration(environment: harness.environment(function: "MessagingStream")))
        let response = try await harness.invoke(handler, eventFile: "messaging-stream-insert.json")
        #expect(response.batchItemFailures.isEmpty)
        let rows = try await groupRows(harness, group: groupOne)
        #expect(rows.map { $0["sk"] } == Array(repeating: .s("2026-11-20T10:16:02.654321+00:00"), count: 2))
        #expect(rows.map { $0["message"] } == Array(repeating: .s("Fine, I am starting it tonight."), count: 2))
    }

    @Test("Replaying the JSON Lines conversation log converges, again and again, in any order")
    func replayLog() async throws {
        let harness = try await LambdaTestHarness()
        let records = try harness.streamRecords(jsonLines: "messaging-conversation.jsonl")
        #expect(records.count == 6)
        #expect(
            records.allSatisfy {
                $0.eventSourceARN?.hasSuffix("table/cruddur-messages/stream/2026-11-20T09:00:00.000") == true
            })
        // The log starts with pattern D's group rows; write them as the table had them.
        for record in records where record.dynamodb.keys["pk"].map({ "\($0)".contains("GRP#") }) == true {
            _ = try await harness.operations.putItem(
                PutItemInput(tableName: table, item: try #require(record.dynamodb.newImage)))
        }
        let handler = InboxUpdateHandler(
            operations: harness.operations,
            configuration: HandlerConfiguration(tableName: table, indexName: MessagingSchema.groupIndexName))
        for batch in [records, records, records.reversed()] {
            let response = try await harness.invoke(handler, event: DynamoDBStreamEvent(records: batch))
            #expect(response.batchItemFailures.isEmpty)
            let rows = try await groupRows(harness, group: groupOne)
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0["sk"] == .s("2026-11-20T09:03:00.000000+00:00") })
            #expect(rows.allSatisfy { $0["message"] == .s("No spoilers! I will binge it this weekend.") })
        }
    }

    @Test("A test context names the function like Lambda does")
    func context() {
        let context = LambdaContext.test(functionName: "MessagingStream", requestID: "r-1")
        #expect(context.requestID == "r-1")
        #expect(context.invokedFunctionARN == "arn:aws:lambda:us-east-1:123456789012:function:MessagingStream")
        #expect(context.logGroupName == "/aws/lambda/MessagingStream")
        #expect(context.remainingTime > .seconds(2))
    }
}
