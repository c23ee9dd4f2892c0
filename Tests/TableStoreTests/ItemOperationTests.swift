import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ItemOperationTests {
    @Test("PutItem stores a normalised item; GetItem reads it back and projects it")
    func putGet() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put(
            "things",
            ["pk": .s("a"), "sk": .s("1"), "n": .n("1.50"), "tags": .ss(["b", "a"]), "m": .m(["x": .n("007")])])
        let got = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("a"), "sk": .s("1")]))
        #expect(
            got.item == [
                "pk": .s("a"), "sk": .s("1"), "n": .n("1.5"), "tags": .ss(["a", "b"]), "m": .m(["x": .n("7")]),
            ])
        let projected = try await store.getItem(
            GetItemInput(
                tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], projectionExpression: "#n, m.x",
                expressionAttributeNames: ["#n": "n"]))
        #expect(projected.item == ["n": .n("1.5"), "m": .m(["x": .n("7")])])
    }

    @Test("PutItem ReturnValues ALL_OLD returns the replaced item; ConsumedCapacity TOTAL counts 1 KB units")
    func putReturnValues() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "v": .s("old")])
        let output = try await store.putItem(
            PutItemInput(
                tableName: "things",
                item: ["pk": .s("a"), "sk": .s("1"), "v": .s(String(repeating: "x", count: 1500))],
                returnValues: .allOld, returnConsumedCapacity: .total))
        #expect(output.attributes == ["pk": .s("a"), "sk": .s("1"), "v": .s("old")])
        #expect(output.consumedCapacity == ConsumedCapacity(tableName: "things", capacityUnits: 2))
    }

    @Test(
        "key validation uses DynamoDB's messages",
        arguments: [
            (["sk": .s("1")] as Item, "One or more parameter values were invalid: Missing the key pk in the item"),
            (
                ["pk": .n("1"), "sk": .s("1")],
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"
            ),
            (
                ["pk": .s(""), "sk": .s("1")],
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"
            ),
            (
                ["pk": .s("a"), "sk": .s("1"), "s": .ss([])],
                "One or more parameter values were invalid: An string set  may not be empty"
            ),
            (
                ["pk": .s("a"), "sk": .s("1"), "n": .n("1e200")],
                "Number overflow. Attempting to store a number with magnitude larger than supported range"
            ),
        ])
    func putValidation(item: Item, message: String) async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let error = await dynamoError { _ = try await store.putItem(PutItemInput(tableName: "things", item: item)) }
        #expect(error == DynamoDBError(.validation, message))
    }

    @Test("a Key parameter must match the schema exactly")
    func keyMismatch() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        for key: Item in [
            ["pk": .s("a")], ["pk": .s("a"), "sk": .n("1")], ["pk": .s("a"), "sk": .s("1"), "x": .s("")],
        ] {
            let error = await dynamoError { _ = try await store.getItem(GetItemInput(tableName: "things", key: key)) }
            #expect(error == DynamoDBError(.validation, "The provided key element does not match the schema"))
        }
    }

    @Test("items over 400 KB are rejected")
    func itemSizeLimit() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let big: Item = ["pk": .s("a"), "sk": .s("1"), "blob": .s(String(repeating: "x", count: 400 * 1024))]
        let error = await dynamoError { _ = try await store.putItem(PutItemInput(tableName: "things", item: big)) }
        #expect(error == DynamoDBError(.validation, "Item size has exceeded the maximum allowed size"))
    }

    @Test("a failed ConditionExpression is ConditionalCheckFailedException, with the item when asked")
    func conditionFailed() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let error = await dynamoError {
            _ = try await store.putItem(
                PutItemInput(
                    tableName: "things", item: ["pk": .s("a"), "sk": .s("1")],
                    conditionExpression: "attribute_not_exists(pk)",
                    returnValuesOnConditionCheckFailure: .allOld))
        }
        #expect(error?.code == .conditionalCheckFailed)
        #expect(error?.message == "The conditional request failed")
        #expect(error?.item == ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let plain = await dynamoError {
            _ = try await store.deleteItem(
                DeleteItemInput(
                    tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], conditionExpression: "v = :two",
                    expressionAttributeValues: [":two": .n("2")]))
        }
        #expect(plain == DynamoDBError(.conditionalCheckFailed, "The conditional request failed"))
    }

    @Test("unused expression values are rejected with DynamoDB's message")
    func unusedValues() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let error = await dynamoError {
            _ = try await store.putItem(
                PutItemInput(
                    tableName: "things", item: ["pk": .s("a"), "sk": .s("1")],
                    conditionExpression: "attribute_not_exists(pk)",
                    expressionAttributeValues: [":y": .s("1")]))
        }
        #expect(
            error
                == DynamoDBError(
                    .validation, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:y}"))
    }

    @Test("DeleteItem returns ALL_OLD and deleting a missing item succeeds")
    func deleteItem() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let output = try await store.deleteItem(
            DeleteItemInput(tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], returnValues: .allOld))
        #expect(output.attributes == ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
        let again = try await store.deleteItem(
            DeleteItemInput(tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], returnValues: .allOld))
        #expect(again.attributes == nil)
    }

    @Test("UpdateItem creates missing items and returns each ReturnValues kind")
    func updateItem() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let key: Item = ["pk": .s("a"), "sk": .s("1")]
        let created = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: key, returnValues: .allNew, updateExpression: "SET hits = :one, #n = :name",
                expressionAttributeNames: ["#n": "name"],
                expressionAttributeValues: [":one": .n("1"), ":name": .s("x")]))
        #expect(created.attributes == ["pk": .s("a"), "sk": .s("1"), "hits": .n("1"), "name": .s("x")])
        let updatedOld = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: key, returnValues: .updatedOld, updateExpression: "ADD hits :one",
                expressionAttributeValues: [":one": .n("1")]))
        #expect(updatedOld.attributes == ["hits": .n("1")])
        let updatedNew = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: key, returnValues: .updatedNew, updateExpression: "SET hits = hits + :one",
                expressionAttributeValues: [":one": .n("0.5")]))
        #expect(updatedNew.attributes == ["hits": .n("2.5")])
        let error = await dynamoError {
            _ = try await store.updateItem(
                UpdateItemInput(
                    tableName: "things", key: key, updateExpression: "SET pk = :v",
                    expressionAttributeValues: [":v": .s("b")]))
        }
        #expect(
            error
                == DynamoDBError(
                    .validation,
                    "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"
                ))
    }

    @Test("an index key attribute of the wrong type is rejected")
    func indexKeyType() async throws {
        let store = try makeStore()
        _ = try await store.createTable(cruddurTable())
        let error = await dynamoError {
            try await store.put("cruddur-messages", ["pk": .s("a"), "sk": .s("1"), "message_group_uuid": .n("1")])
        }
        #expect(
            error
                == DynamoDBError(
                    .validation,
                    "One or more parameter values were invalid: Type mismatch for Index Key message_group_uuid Expected: S Actual: N IndexName: message-group-sk-index"
                ))
    }
}
