import DynamoDBClient
import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A row of the fixture table, mapped with ItemEncoder/ItemDecoder.
struct Note: Codable, Equatable {
    var pk: String
    var sk: String
    var text: String
    var views: Int
}

/// The client against a running `lambda-local start --in-memory` (through libcurl, signed, over keep-alive).
@Suite(.timeLimit(.minutes(1)))
struct LiveEmulatorTests {
    let emulator: LiveEmulator
    let client: DynamoDBClient

    init() throws {
        emulator = try LiveEmulator()
        client = DynamoDBClient(
            configuration: DynamoDBClientConfiguration(
                endpoint: emulator.endpoint, region: "us-east-1",
                credentials: AWSCredentials(accessKeyID: "test", secretAccessKey: "test")))
    }

    private func notes(_ count: Int) -> [Note] {
        (1...count).map { Note(pk: "NOTE#a", sk: "2026-11-0\($0)", text: "note \($0)", views: 0) }
    }

    @Test("tables: the template's table is described; a new one is created, listed and deleted")
    func tables() async throws {
        let described = try await client.describeTable(DescribeTableInput(tableName: "client-notes"))
        #expect(described.table?.tableName == "client-notes")
        #expect(
            described.table?.keySchema == [
                KeySchemaElement(attributeName: "pk", keyType: .hash),
                KeySchemaElement(attributeName: "sk", keyType: .range),
            ])
        let created = try await client.createTable(
            CreateTableInput(
                attributeDefinitions: [AttributeDefinition(attributeName: "id", attributeType: .s)],
                tableName: "client-created", keySchema: [KeySchemaElement(attributeName: "id", keyType: .hash)],
                billingMode: .payPerRequest))
        #expect(created.tableDescription?.tableName == "client-created")
        #expect(try await client.listTables(ListTablesInput()).tableNames == ["client-created", "client-notes"])
        _ = try await client.deleteTable(DeleteTableInput(tableName: "client-created"))
        let missing = await #expect(throws: DynamoDBClientError.self) {
            try await client.describeTable(DescribeTableInput(tableName: "client-created"))
        }
        #expect(missing?.code == .resourceNotFound)
    }

    @Test("items: typed put, get, conditional put failure with the old item, update, and paginated query")
    func items() async throws {
        for note in notes(5) {
            _ = try await client.putItem(PutItemInput(tableName: "client-notes", item: try ItemEncoder().encode(note)))
        }
        let key: Item = ["pk": .s("NOTE#a"), "sk": .s("2026-11-03")]
        let got = try await client.getItem(GetItemInput(tableName: "client-notes", key: key, consistentRead: true))
        #expect(try ItemDecoder().decode(Note.self, from: try #require(got.item)) == notes(5)[2])

        let duplicate = await #expect(throws: DynamoDBClientError.self) {
            try await client.putItem(
                PutItemInput(
                    tableName: "client-notes", item: key.merging(["text": .s("again")]) { $1 },
                    conditionExpression: "attribute_not_exists(pk)", returnValuesOnConditionCheckFailure: .allOld))
        }
        #expect(duplicate?.isConditionalCheckFailed == true)
        #expect(duplicate?.serviceError?.message == "The conditional request failed")
        #expect(duplicate?.conditionCheckItem == (try ItemEncoder().encode(notes(5)[2])))

        let updated = try await client.updateItem(
            UpdateItemInput(
                tableName: "client-notes", key: key, returnValues: .allNew, updateExpression: "ADD #v :one",
                expressionAttributeNames: ["#v": "views"], expressionAttributeValues: [":one": .n("1")]))
        #expect(updated.attributes?["views"] == .n("1"))

        var pageSizes: [Int] = []
        var keys: [String] = []
        let query = QueryInput(
            tableName: "client-notes", limit: 2, keyConditionExpression: "pk = :pk",
            expressionAttributeValues: [":pk": .s("NOTE#a")])
        for try await page in client.queryPages(query) {
            pageSizes.append(page.items?.count ?? 0)
            keys += try (page.items ?? []).map { try ItemDecoder().decode(Note.self, from: $0).sk }
        }
        #expect(pageSizes == [2, 2, 1])
        #expect(keys == notes(5).map(\.sk))
    }

    @Test("transactions: a failed condition cancels with readable reasons; a good one commits atomically")
    func transactions() async throws {
        let first = try ItemEncoder().encode(Note(pk: "NOTE#t", sk: "1", text: "one", views: 0))
        _ = try await client.putItem(PutItemInput(tableName: "client-notes", item: first))
        let second = try ItemEncoder().encode(Note(pk: "NOTE#t", sk: "2", text: "two", views: 0))
        let firstKey: Item = ["pk": .s("NOTE#t"), "sk": .s("1")]

        let canceled = await #expect(throws: DynamoDBClientError.self) {
            try await client.transactWriteItems(
                TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(put: TransactPut(item: second, tableName: "client-notes")),
                    TransactWriteItem(
                        conditionCheck: TransactConditionCheck(
                            key: firstKey, tableName: "client-notes", conditionExpression: "attribute_not_exists(pk)")),
                ]))
        }
        #expect(canceled?.isTransactionCanceled == true)
        #expect(canceled?.cancellationCodes == ["None", "ConditionalCheckFailed"])
        #expect(canceled?.failedActionIndexes == [1])

        _ = try await client.transactWriteItems(
            TransactWriteItemsInput(transactItems: [
                TransactWriteItem(
                    put: TransactPut(
                        item: second, tableName: "client-notes", conditionExpression: "attribute_not_exists(pk)")),
                TransactWriteItem(delete: TransactDelete(key: firstKey, tableName: "client-notes")),
            ]))
        let read = try await client.transactGetItems(
            TransactGetItemsInput(transactItems: [
                TransactGetItem(get: TransactGet(key: firstKey, tableName: "client-notes")),
                TransactGetItem(get: TransactGet(key: ["pk": .s("NOTE#t"), "sk": .s("2")], tableName: "client-notes")),
            ]))
        #expect(read.responses?.map(\.item) == [nil, second])
    }

    @Test("batchWriteAll writes 60 items in 25s; scanAll reads them back")
    func batches() async throws {
        let writes = (0..<60).map { index in
            WriteRequest(putRequest: PutRequest(item: ["pk": .s("BATCH"), "sk": .s("k\(1000 + index)")]))
        }
        let output = try await client.batchWriteAll(BatchWriteItemInput(requestItems: ["client-notes": writes]))
        #expect(output.unprocessedItems == nil)
        let items = try await client.scanAll(ScanInput(tableName: "client-notes", limit: 7))
        #expect(items.count == 60)
        #expect(Set(items.compactMap { $0["sk"] }).count == 60)
    }

    @Test("streams: the table's stream is listed, described and read from TRIM_HORIZON")
    func streams() async throws {
        _ = try await client.putItem(PutItemInput(tableName: "client-notes", item: ["pk": .s("S"), "sk": .s("1")]))
        _ = try await client.deleteItem(
            DeleteItemInput(tableName: "client-notes", key: ["pk": .s("S"), "sk": .s("1")]))
        let streams = try await client.listStreams(ListStreamsInput(tableName: "client-notes"))
        let arn = try #require(streams.streams?.first?.streamArn)
        #expect(streams.streams?.count == 1)
        let description = try await client.describeStream(DescribeStreamInput(streamArn: arn))
        #expect(description.streamDescription?.streamStatus == .enabled)
        #expect(description.streamDescription?.streamViewType == .newAndOldImages)
        let shard = try #require(description.streamDescription?.shards?.first?.shardId)
        let iterator = try await client.getShardIterator(
            GetShardIteratorInput(streamArn: arn, shardId: shard, shardIteratorType: .trimHorizon))
        let records = try await client.getRecords(GetRecordsInput(shardIterator: try #require(iterator.shardIterator)))
        #expect(records.records?.map(\.eventName) == [.insert, .remove])
        #expect(records.nextShardIterator != nil)
    }

    @Test("an unreachable endpoint is a transport error naming the URL, after the configured attempts")
    func unreachable() async throws {
        let dead = DynamoDBClient(
            configuration: DynamoDBClientConfiguration(
                endpoint: "http://127.0.0.1:9/", region: "us-east-1", credentials: nil,
                retry: RetryPolicy(maximumAttempts: 2)))
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await dead.listTables(ListTablesInput())
        }
        guard case .transport(let text) = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(text.hasPrefix("POST http://127.0.0.1:9/ failed: "))
    }
}
