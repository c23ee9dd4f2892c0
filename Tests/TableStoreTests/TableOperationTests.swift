import DynamoDBTypes
import Testing

@testable import TableStore

struct TableOperationTests {
    @Test("CreateTable then DescribeTable shows an ACTIVE table with ARN, counts and stream")
    func createAndDescribe() async throws {
        let store = try makeStore()
        let created = try await store.createTable(cruddurTable())
        let description = try #require(created.tableDescription)
        #expect(description.tableStatus == .active)
        #expect(description.tableArn == "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages")
        #expect(description.latestStreamLabel == "2023-03-20T16:08:58.250")
        #expect(
            description.latestStreamArn
                == "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/2023-03-20T16:08:58.250")
        #expect(description.streamSpecification == StreamSpecification(streamEnabled: true, streamViewType: .newImage))
        #expect(description.itemCount == 0)
        let index = try #require(description.globalSecondaryIndexes?.first)
        #expect(index.indexStatus == .active)
        #expect(
            index.indexArn
                == "arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/index/message-group-sk-index")

        try await store.put("cruddur-messages", ["pk": .s("GRP#1"), "sk": .s("2023"), "message_group_uuid": .s("g")])
        try await store.put("cruddur-messages", ["pk": .s("MSG#g"), "sk": .s("2023"), "message": .s("hi")])
        let described = try #require(
            try await store.describeTable(DescribeTableInput(tableName: "cruddur-messages")).table)
        #expect(described.itemCount == 2)
        #expect(described.tableSizeBytes == Int64(32 + 22))
        #expect(described.globalSecondaryIndexes?.first?.itemCount == 1)
        #expect(described.billingModeSummary?.billingMode == .provisioned)
        #expect(described.provisionedThroughput?.readCapacityUnits == 5)
    }

    @Test("creating an existing table is ResourceInUseException")
    func duplicate() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let error = await dynamoError { _ = try await store.createTable(simpleTable()) }
        #expect(error?.code == .resourceInUse)
        #expect(error?.message == "Table already exists: things")
    }

    @Test("operations on a missing table are ResourceNotFoundException")
    func missingTable() async throws {
        let store = try makeStore()
        let error = await dynamoError { _ = try await store.describeTable(DescribeTableInput(tableName: "nope")) }
        #expect(error == DynamoDBError(.resourceNotFound, "Requested resource not found"))
        let getError = await dynamoError {
            _ = try await store.getItem(GetItemInput(tableName: "nope", key: ["pk": .s("a")]))
        }
        #expect(getError?.message == "Requested resource not found")
    }

    @Test(
        "CreateTable validation messages",
        arguments: [
            (
                CreateTableInput(
                    attributeDefinitions: [AttributeDefinition(attributeName: "x", attributeType: .s)],
                    tableName: "t1x",
                    keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)], billingMode: .payPerRequest),
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [x]"
            ),
            (
                CreateTableInput(
                    attributeDefinitions: [AttributeDefinition(attributeName: "pk", attributeType: .s)],
                    tableName: "t1",
                    keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)], billingMode: .payPerRequest),
                "1 validation error detected: Value 't1' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"
            ),
            (
                CreateTableInput(
                    attributeDefinitions: [AttributeDefinition(attributeName: "pk", attributeType: .s)],
                    tableName: "t1x",
                    keySchema: [KeySchemaElement(attributeName: "pk", keyType: .range)], billingMode: .payPerRequest),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
            ),
            (
                CreateTableInput(
                    attributeDefinitions: [
                        AttributeDefinition(attributeName: "pk", attributeType: .s),
                        AttributeDefinition(attributeName: "extra", attributeType: .s),
                    ], tableName: "t1x",
                    keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)], billingMode: .payPerRequest),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
            ),
            (
                CreateTableInput(
                    attributeDefinitions: [AttributeDefinition(attributeName: "pk", attributeType: .s)],
                    tableName: "t1x",
                    keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)]),
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
            ),
        ])
    func createValidation(input: CreateTableInput, message: String) async throws {
        let store = try makeStore()
        let error = await dynamoError { _ = try await store.createTable(input) }
        #expect(error == DynamoDBError(.validation, message))
    }

    @Test("ListTables pages in name order with LastEvaluatedTableName")
    func listTables() async throws {
        let store = try makeStore()
        for name in ["gamma", "alpha", "beta"] { _ = try await store.createTable(simpleTable(name)) }
        let first = try await store.listTables(ListTablesInput(limit: 2))
        #expect(first.tableNames == ["alpha", "beta"])
        #expect(first.lastEvaluatedTableName == "beta")
        let second = try await store.listTables(ListTablesInput(exclusiveStartTableName: "beta", limit: 2))
        #expect(second.tableNames == ["gamma"])
        #expect(second.lastEvaluatedTableName == nil)
    }

    @Test("DeleteTable removes the table and its items; a new table of that name starts empty")
    func deleteTable() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1")])
        let deleted = try await store.deleteTable(DeleteTableInput(tableName: "things"))
        #expect(deleted.tableDescription?.tableStatus == .deleting)
        #expect(deleted.tableDescription?.itemCount == 1)
        _ = try await store.createTable(simpleTable())
        let item = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": .s("a"), "sk": .s("1")]))
        #expect(item.item == nil)
    }
}

struct EnsureTableTests {
    @Test("ensureTable creates a missing table, accepts an identical one and names a difference")
    func ensure() async throws {
        let store = try makeStore()
        #expect(try await store.ensureTable(cruddurTable()) == .created)
        #expect(try await store.ensureTable(cruddurTable()) == .matched)
        var changed = cruddurTable()
        changed.streamSpecification = StreamSpecification(streamEnabled: true, streamViewType: .newAndOldImages)
        let error = await dynamoError { _ = try await store.ensureTable(changed) }
        #expect(
            error
                == DynamoDBError(
                    .validation,
                    "Table \"cruddur-messages\" already exists with a different StreamSpecification: declared NEW_AND_OLD_IMAGES, found NEW_IMAGE"
                ))
        var rekeyed = simpleTable("cruddur-messages", sortType: nil)
        rekeyed.billingMode = .payPerRequest
        let keyError = await dynamoError { _ = try await store.ensureTable(rekeyed) }
        #expect(
            keyError?.message
                == "Table \"cruddur-messages\" already exists with a different KeySchema: declared [pk HASH], found [pk HASH, sk RANGE]"
        )
    }
}

struct ErrorCodeTests {
    @Test(
        "codes map to DynamoDB's __type namespaces and statuses",
        arguments: [
            (DynamoDBError.Code.validation, "com.amazon.coral.validate#ValidationException", 400),
            (.resourceNotFound, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400),
            (.conditionalCheckFailed, "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400),
            (.serialization, "com.amazon.coral.service#SerializationException", 400),
            (.internalServerError, "com.amazonaws.dynamodb.v20120810#InternalServerError", 500),
        ])
    func wireTypes(code: DynamoDBError.Code, wireType: String, status: Int) {
        #expect(code.wireType == wireType)
        #expect(code.httpStatus == status)
    }
}
