import DynamoDBTypes
import Testing

@testable import TableStore

struct IndexTests {
    /// A table with a KEYS_ONLY GSI on `status`, an INCLUDE GSI on `owner` (with `title`) and an LSI on `rank` (N).
    func indexedTable() async throws -> TableStore {
        let store = try makeStore()
        var input = simpleTable()
        input.attributeDefinitions! += [
            AttributeDefinition(attributeName: "status", attributeType: .s),
            AttributeDefinition(attributeName: "owner", attributeType: .s),
            AttributeDefinition(attributeName: "rank", attributeType: .n),
        ]
        input.globalSecondaryIndexes = [
            GlobalSecondaryIndex(
                indexName: "by-status", keySchema: [KeySchemaElement(attributeName: "status", keyType: .hash)],
                projection: Projection(projectionType: .keysOnly)),
            GlobalSecondaryIndex(
                indexName: "by-owner", keySchema: [KeySchemaElement(attributeName: "owner", keyType: .hash)],
                projection: Projection(projectionType: .include, nonKeyAttributes: ["title"])),
        ]
        input.localSecondaryIndexes = [
            LocalSecondaryIndex(
                indexName: "by-rank",
                keySchema: [
                    KeySchemaElement(attributeName: "pk", keyType: .hash),
                    KeySchemaElement(attributeName: "rank", keyType: .range),
                ], projection: Projection(projectionType: .all))
        ]
        _ = try await store.createTable(input)
        try await store.put(
            "things",
            [
                "pk": .s("p"), "sk": .s("1"), "status": .s("open"), "owner": .s("ann"), "title": .s("T1"),
                "body": .s("B1"),
                "rank": .n("10"),
            ])
        try await store.put(
            "things", ["pk": .s("p"), "sk": .s("2"), "owner": .s("ann"), "title": .s("T2"), "rank": .n("-3")])
        try await store.put("things", ["pk": .s("p"), "sk": .s("3"), "title": .s("T3")])
        return store
    }

    @Test("KEYS_ONLY and INCLUDE projections return only the projected attributes; indexes are sparse")
    func projections() async throws {
        let store = try await indexedTable()
        let open = try await store.query(
            QueryInput(
                tableName: "things", indexName: "by-status", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": .s("open")]))
        #expect(open.items == [["pk": .s("p"), "sk": .s("1"), "status": .s("open")]])
        let owned = try await store.query(
            QueryInput(
                tableName: "things", indexName: "by-owner", keyConditionExpression: "#o = :o",
                expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": .s("ann")]))
        #expect(
            owned.items?.map { Set($0.keys) } == [["pk", "sk", "owner", "title"], ["pk", "sk", "owner", "title"]])
        let error = await dynamoError {
            _ = try await store.query(
                QueryInput(
                    tableName: "things", indexName: "by-owner", select: .allAttributes,
                    keyConditionExpression: "#o = :o",
                    expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": .s("ann")]))
        }
        #expect(
            error?.message
                == "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index by-owner because its projection type is not ALL"
        )
        let scanned = try await store.scan(ScanInput(tableName: "things", indexName: "by-owner"))
        #expect(scanned.count == 2)
        let consistent = await dynamoError {
            _ = try await store.scan(ScanInput(tableName: "things", indexName: "by-owner", consistentRead: true))
        }
        #expect(
            consistent == DynamoDBError(.validation, "Consistent reads are not supported on global secondary indexes"))
    }

    @Test("an LSI orders a partition by its numeric sort key")
    func localIndex() async throws {
        let store = try await indexedTable()
        let ranked = try await store.query(
            QueryInput(
                tableName: "things", indexName: "by-rank", keyConditionExpression: "pk = :p",
                expressionAttributeValues: [":p": .s("p")]))
        #expect(ranked.items?.map { $0["sk"] } == [.s("2"), .s("1")])
    }

    @Test("moving an item out of an index and back updates its entries")
    func reindex() async throws {
        let store = try await indexedTable()
        _ = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: ["pk": .s("p"), "sk": .s("1")], updateExpression: "REMOVE #s",
                expressionAttributeNames: ["#s": "status"]))
        let none = try await store.scan(ScanInput(tableName: "things", indexName: "by-status"))
        #expect(none.count == 0)
        _ = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: ["pk": .s("p"), "sk": .s("3")], updateExpression: "SET #s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": .s("done")]))
        let done = try await store.scan(ScanInput(tableName: "things", indexName: "by-status"))
        #expect(done.items == [["pk": .s("p"), "sk": .s("3"), "status": .s("done")]])
    }

    @Test("UpdateTable creates a GSI backfilled from existing items and deletes one")
    func updateTableIndexes() async throws {
        let store = try await indexedTable()
        let updated = try await store.updateTable(
            UpdateTableInput(
                attributeDefinitions: [AttributeDefinition(attributeName: "title", attributeType: .s)],
                tableName: "things",
                globalSecondaryIndexUpdates: [
                    GlobalSecondaryIndexUpdate(
                        create: CreateGlobalSecondaryIndexAction(
                            indexName: "by-title",
                            keySchema: [KeySchemaElement(attributeName: "title", keyType: .hash)],
                            projection: Projection(projectionType: .all))),
                    GlobalSecondaryIndexUpdate(delete: DeleteGlobalSecondaryIndexAction(indexName: "by-status")),
                ]))
        #expect(updated.tableDescription?.globalSecondaryIndexes?.map(\.indexName) == ["by-owner", "by-title"])
        #expect(updated.tableDescription?.globalSecondaryIndexes?.last?.itemCount == 3)
        let byTitle = try await store.query(
            QueryInput(
                tableName: "things", indexName: "by-title", keyConditionExpression: "title = :t",
                expressionAttributeValues: [":t": .s("T3")]))
        #expect(byTitle.items?.first?["sk"] == .s("3"))
        let error = await dynamoError {
            _ = try await store.scan(ScanInput(tableName: "things", indexName: "by-status"))
        }
        #expect(error == DynamoDBError(.validation, "The table does not have the specified index: by-status"))
    }

    @Test("ReturnConsumedCapacity INDEXES breaks writes down by table and GSI")
    func indexCapacity() async throws {
        let store = try await indexedTable()
        let output = try await store.putItem(
            PutItemInput(
                tableName: "things", item: ["pk": .s("q"), "sk": .s("1"), "owner": .s("bob")],
                returnConsumedCapacity: .indexes))
        #expect(
            output.consumedCapacity
                == ConsumedCapacity(
                    tableName: "things", capacityUnits: 2, table: CapacityUnitsBreakdown(capacityUnits: 1),
                    globalSecondaryIndexes: ["by-owner": CapacityUnitsBreakdown(capacityUnits: 1)]))
    }

    @Test("an UpdateItem that creates an item is an INSERT record")
    func updateInsertRecord() async throws {
        let store = try makeStore()
        let arn = try #require(
            try await store.createTable(simpleTable(stream: .newImage)).tableDescription?.latestStreamArn)
        _ = try await store.updateItem(
            UpdateItemInput(
                tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], updateExpression: "SET v = :v",
                expressionAttributeValues: [":v": .n("1")]))
        let records = try await store.readRecords(streamArn: arn, after: nil)
        #expect(records.map(\.eventName) == [.insert])
        #expect(records.first?.dynamodb.newImage == ["pk": .s("a"), "sk": .s("1"), "v": .n("1")])
    }
}
