import DynamoDBTypes
import Testing

@testable import TableStore

struct TransactionValidationTests {
    @Test("an action with an item over 400 KB or an operand of the wrong type cancels with a ValidationError reason")
    func invalidActionsCancel() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "name": .s("text")])
        let large = String(repeating: "x", count: 400 * 1024)
        let error = await dynamoError {
            _ = try await store.transactWriteItems(
                TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(put: TransactPut(item: ["pk": .s("b"), "sk": .s("1")], tableName: "things")),
                    TransactWriteItem(
                        put: TransactPut(item: ["pk": .s("c"), "sk": .s("1"), "big": .s(large)], tableName: "things")),
                    TransactWriteItem(
                        update: TransactUpdate(
                            key: ["pk": .s("a"), "sk": .s("1")], updateExpression: "SET #n = #n + :one",
                            tableName: "things", expressionAttributeNames: ["#n": "name"],
                            expressionAttributeValues: [":one": .n("1")])),
                ]))
        }
        #expect(error?.code == .transactionCanceled)
        #expect(
            error?.message
                == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError, ValidationError]"
        )
        let reasons = error?.cancellationReasons ?? []
        #expect(reasons.map(\.code) == ["None", "ValidationError", "ValidationError"])
        #expect(reasons[1].message == "Item size has exceeded the maximum allowed size")
        #expect(reasons[2].message?.contains("An operand in the update expression has an incorrect data type") == true)
        // Nothing was written.
        let b = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("b"), "sk": .s("1")]))
        #expect(b.item == nil)
        #expect(try await store.readRecords(streamArn: arn, after: nil).count == 1)
    }
}
