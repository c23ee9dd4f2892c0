import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct BatchTransactionTests {
    @Test("BatchWriteItem puts and deletes across tables, one stream record per item")
    func batchWrite() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        _ = try await store.createTable(simpleTable("others", sortType: nil))
        try await store.put("things", ["pk": .s("gone"), "sk": .s("1")])
        let output = try await store.batchWriteItem(
            BatchWriteItemInput(
                requestItems: [
                    "things": [
                        WriteRequest(putRequest: PutRequest(item: ["pk": .s("a"), "sk": .s("1")])),
                        WriteRequest(putRequest: PutRequest(item: ["pk": .s("b"), "sk": .s("1")])),
                        WriteRequest(deleteRequest: DeleteRequest(key: ["pk": .s("gone"), "sk": .s("1")])),
                    ],
                    "others": [WriteRequest(putRequest: PutRequest(item: ["pk": .s("x")]))],
                ], returnConsumedCapacity: .total))
        #expect(output.unprocessedItems == [:])
        #expect(
            output.consumedCapacity == [
                ConsumedCapacity(tableName: "others", capacityUnits: 1),
                ConsumedCapacity(tableName: "things", capacityUnits: 3),
            ])
        let records = try await store.readRecords(streamArn: arn, after: nil)
        #expect(records.map(\.eventName) == [.insert, .insert, .insert, .remove])
        let got = try await store.batchGetItem(
            BatchGetItemInput(requestItems: [
                "things": KeysAndAttributes(keys: [["pk": .s("a"), "sk": .s("1")], ["pk": .s("gone"), "sk": .s("1")]]),
                "others": KeysAndAttributes(keys: [["pk": .s("x")]], projectionExpression: "pk"),
            ]))
        #expect(got.responses?["things"] == [["pk": .s("a"), "sk": .s("1")]])
        #expect(got.responses?["others"] == [["pk": .s("x")]])
    }

    @Test("BatchWriteItem rejects more than 25 requests and duplicate keys")
    func batchLimits() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable(sortType: nil))
        let many = (0..<26).map { WriteRequest(putRequest: PutRequest(item: ["pk": .s("\($0)")])) }
        let tooMany = await dynamoError {
            _ = try await store.batchWriteItem(BatchWriteItemInput(requestItems: ["things": many]))
        }
        #expect(
            tooMany?.message.hasSuffix(
                "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"
            ) == true)
        _ = try await store.createTable(simpleTable("others", sortType: nil))
        let spread = await dynamoError {
            _ = try await store.batchWriteItem(
                BatchWriteItemInput(requestItems: ["things": Array(many.prefix(13)), "others": Array(many.prefix(13))]))
        }
        #expect(spread == DynamoDBError(.validation, "Too many items requested for the BatchWriteItem call"))
        let duplicate = [
            WriteRequest(putRequest: PutRequest(item: ["pk": .s("a")])),
            WriteRequest(deleteRequest: DeleteRequest(key: ["pk": .s("a")])),
        ]
        let error = await dynamoError {
            _ = try await store.batchWriteItem(BatchWriteItemInput(requestItems: ["things": duplicate]))
        }
        #expect(error == DynamoDBError(.validation, "Provided list of item keys contains duplicates"))
    }

    @Test("TransactWriteItems applies all actions with one stream record per item")
    func transactionCommits() async throws {
        let store = try makeStore()
        let arn = try #require(try await store.createTable(cruddurTable()).tableDescription?.latestStreamArn)
        try await store.put(
            "cruddur-messages", ["pk": .s("GRP#a"), "sk": .s("2023-01"), "message_group_uuid": .s("g")])
        _ = try await store.transactWriteItems(
            TransactWriteItemsInput(transactItems: [
                TransactWriteItem(
                    delete: TransactDelete(
                        key: ["pk": .s("GRP#a"), "sk": .s("2023-01")], tableName: "cruddur-messages",
                        conditionExpression: "attribute_exists(pk)")),
                TransactWriteItem(
                    put: TransactPut(
                        item: ["pk": .s("GRP#a"), "sk": .s("2023-02"), "message_group_uuid": .s("g")],
                        tableName: "cruddur-messages",
                        conditionExpression: "attribute_not_exists(pk)")),
                TransactWriteItem(
                    update: TransactUpdate(
                        key: ["pk": .s("MSG#g"), "sk": .s("2023-02")], updateExpression: "SET message = :m",
                        tableName: "cruddur-messages", expressionAttributeValues: [":m": .s("hi")])),
            ]))
        let records = try await store.readRecords(streamArn: arn, after: nil)
        #expect(records.map(\.eventName) == [.insert, .remove, .insert, .insert])
        let group = try await store.query(
            QueryInput(
                tableName: "cruddur-messages", indexName: "message-group-sk-index",
                keyConditionExpression: "message_group_uuid = :g",
                expressionAttributeValues: [":g": .s("g")]))
        #expect(group.items?.map { $0["sk"] } == [.s("2023-02")])
    }

    @Test("a failed condition cancels the whole transaction with one reason per action")
    func transactionCancels() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let error = await dynamoError {
            _ = try await store.transactWriteItems(
                TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(put: TransactPut(item: ["pk": .s("b"), "sk": .s("1")], tableName: "things")),
                    TransactWriteItem(
                        conditionCheck: TransactConditionCheck(
                            key: ["pk": .s("a"), "sk": .s("1")], tableName: "things", conditionExpression: "v = :two",
                            expressionAttributeValues: [":two": .n("2")], returnValuesOnConditionCheckFailure: .allOld)),
                ]))
        }
        #expect(error?.code == .transactionCanceled)
        #expect(
            error?.message
                == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
        )
        #expect(
            error?.cancellationReasons == [
                CancellationReason(code: "None"),
                CancellationReason(
                    item: ["pk": .s("a"), "sk": .s("1"), "v": .n("1")], code: "ConditionalCheckFailed",
                    message: "The conditional request failed"),
            ])
        let missing = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("b"), "sk": .s("1")]))
        #expect(missing.item == nil)
        #expect(try await store.readRecords(streamArn: arn, after: nil).count == 1)
    }

    @Test("two actions on one item are rejected")
    func oneActionPerItem() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let key: Item = ["pk": .s("a"), "sk": .s("1")]
        let error = await dynamoError {
            _ = try await store.transactWriteItems(
                TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(put: TransactPut(item: key, tableName: "things")),
                    TransactWriteItem(delete: TransactDelete(key: key, tableName: "things")),
                ]))
        }
        #expect(
            error == DynamoDBError(.validation, "Transaction request cannot include multiple operations on one item"))
    }

    @Test("a ClientRequestToken makes a retry idempotent and rejects different parameters")
    func clientRequestToken() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .keysOnly)).tableDescription?.latestStreamArn)
        let request = TransactWriteItemsInput(
            transactItems: [
                TransactWriteItem(
                    update: TransactUpdate(
                        key: ["pk": .s("a"), "sk": .s("1")], updateExpression: "ADD hits :one", tableName: "things",
                        expressionAttributeValues: [":one": .n("1")]))
            ], clientRequestToken: "event-1")
        _ = try await store.transactWriteItems(request)
        _ = try await store.transactWriteItems(request)
        let item = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("a"), "sk": .s("1")]))
        #expect(item.item?["hits"] == .n("1"))
        #expect(try await store.readRecords(streamArn: arn, after: nil).count == 1)
        var changed = request
        changed.transactItems[0].update?.expressionAttributeValues = [":one": .n("2")]
        let error = await dynamoError { _ = try await store.transactWriteItems(changed) }
        #expect(error?.code == .idempotentParameterMismatch)
    }

    @Test("TransactGetItems returns items in request order")
    func transactGet() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let output = try await store.transactGetItems(
            TransactGetItemsInput(transactItems: [
                TransactGetItem(get: TransactGet(key: ["pk": .s("z"), "sk": .s("1")], tableName: "things")),
                TransactGetItem(
                    get: TransactGet(
                        key: ["pk": .s("a"), "sk": .s("1")], tableName: "things", projectionExpression: "v")),
            ]))
        #expect(output.responses == [ItemResponse(item: nil), ItemResponse(item: ["v": .n("1")])])
    }
}
