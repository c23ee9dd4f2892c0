import CurlHTTP
import DynamoDBClient
import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct PaginationTests {
    @Test("queryPages follows LastEvaluatedKey until a page has none")
    func queryPages() async throws {
        let transport = ScriptedTransport(okBodies: [
            #"{"Items":[{"pk":{"S":"a"}}],"Count":1,"LastEvaluatedKey":{"pk":{"S":"a"}}}"#,
            #"{"Items":[{"pk":{"S":"b"}}],"Count":1,"LastEvaluatedKey":{"pk":{"S":"b"}}}"#,
            #"{"Items":[],"Count":0}"#,
        ])
        let client = scriptedClient(transport)
        var counts: [Int] = []
        for try await page in client.queryPages(QueryInput(tableName: "t", keyConditionExpression: "pk = :p")) {
            counts.append(page.count ?? -1)
        }
        #expect(counts == [1, 1, 0])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(
            bodies == [
                #"{"KeyConditionExpression":"pk = :p","TableName":"t"}"#,
                #"{"ExclusiveStartKey":{"pk":{"S":"a"}},"KeyConditionExpression":"pk = :p","TableName":"t"}"#,
                #"{"ExclusiveStartKey":{"pk":{"S":"b"}},"KeyConditionExpression":"pk = :p","TableName":"t"}"#,
            ])
    }

    @Test("scanAll gathers every page's items; an error ends the sequence with it")
    func scanAll() async throws {
        let transport = ScriptedTransport(okBodies: [
            #"{"Items":[{"pk":{"S":"a"}}],"LastEvaluatedKey":{"pk":{"S":"a"}}}"#,
            #"{"Items":[{"pk":{"S":"b"}}]}"#,
        ])
        let items = try await scriptedClient(transport).scanAll(ScanInput(tableName: "t"))
        #expect(items == [["pk": .s("a")], ["pk": .s("b")]])
        let failing = ScriptedTransport([
            answer(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"nope"}"#)
        ])
        await #expect(throws: DynamoDBClientError.service(DynamoDBError(.resourceNotFound, "nope"))) {
            try await scriptedClient(failing).scanAll(ScanInput(tableName: "t"))
        }
    }

    @Test("batchWriteAll splits into 25s and resends unprocessed items after a backoff")
    func batchWriteAll() async throws {
        let writes = (0..<27).map { WriteRequest(putRequest: PutRequest(item: ["pk": .s("k\($0)")])) }
        let unprocessed = #"{"UnprocessedItems":{"t":[{"PutRequest":{"Item":{"pk":{"S":"k3"}}}}]}}"#
        let transport = ScriptedTransport(okBodies: [unprocessed, "{}", #"{"UnprocessedItems":{}}"#])
        let sleeps = SleepRecorder()
        let client = scriptedClient(transport)
        let output = try await client.batchWriteAll(
            BatchWriteItemInput(requestItems: ["t": writes]), sleep: sleeps.sleep, jitter: { 1 })
        #expect(output == BatchWriteItemOutput())
        let sizes = try transport.requests.map {
            try JSONDecoder().decode(BatchWriteItemInput.self, from: $0.body).requestItems["t"]?.count
        }
        #expect(sizes == [25, 1, 2])
        #expect(sleeps.all == [.milliseconds(50)])
    }

    @Test("batchWriteAll returns what is still unprocessed when its attempts run out")
    func batchWriteAllGivesUp() async throws {
        let unprocessed = #"{"UnprocessedItems":{"t":[{"DeleteRequest":{"Key":{"pk":{"S":"k"}}}}]}}"#
        let transport = ScriptedTransport(okBodies: [unprocessed, unprocessed])
        let output = try await scriptedClient(transport).batchWriteAll(
            BatchWriteItemInput(requestItems: ["t": [WriteRequest(deleteRequest: DeleteRequest(key: ["pk": .s("k")]))]]
            ),
            retry: RetryPolicy(maximumAttempts: 2), sleep: { _ in })
        #expect(output.unprocessedItems == ["t": [WriteRequest(deleteRequest: DeleteRequest(key: ["pk": .s("k")]))]])
        #expect(transport.requests.count == 2)
    }
}
