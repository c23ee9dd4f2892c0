import DynamoDBTypes
import Foundation
import TableStore
import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

/// The hand-written request readers and response writers of the hot operations agree with Codable exactly.
struct WireShapesFastPathTests {
    /// What the edge wrote before the fast writers, with keys sorted so the bytes are deterministic.
    static func encoderBytes(_ value: some Encodable) throws -> String {
        String(decoding: try WireCoding.encode(value, sortedKeys: true), as: UTF8.self)
    }

    static let message: Item = [
        "pk": .s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"), "sk": .s("2026-03-04T05:06:07.123456+00:00"),
        "message": .s("Hi \"there\"/\n\u{01} é 😀"), "user_handle": .s("andrewbrown"), "likes": .n("-1.5E+3"),
        "flags": .m(["seen": .bool(true), "tags": .ss(["a", "b"]), "list": .l([.null, .b(Data([0xFF, 0x00]))])]),
    ]
    static let capacity = ConsumedCapacity(
        tableName: "cruddur-messages", capacityUnits: 1.5, readCapacityUnits: 0.5, table: .init(capacityUnits: 1),
        globalSecondaryIndexes: ["message-group-sk-index": .init(writeCapacityUnits: 2)])

    static let queryOutputs: [QueryOutput] = [
        QueryOutput(items: [], count: 0, scannedCount: 0),
        QueryOutput(
            items: [message, ["pk": .s("a")]], count: 2, scannedCount: 3, lastEvaluatedKey: ["pk": .s("a")],
            consumedCapacity: capacity),
        QueryOutput(count: 20, scannedCount: 20),
        QueryOutput(),
    ]

    @Test("Query and Scan outputs are written byte for byte as JSONEncoder writes them", arguments: queryOutputs)
    func queryOutput(_ output: QueryOutput) throws {
        let fast = try #require(try output.writeFast())
        #expect(String(decoding: fast, as: UTF8.self) == (try Self.encoderBytes(output)))
        let scan = ScanOutput(
            items: output.items, count: output.count, scannedCount: output.scannedCount,
            lastEvaluatedKey: output.lastEvaluatedKey, consumedCapacity: output.consumedCapacity)
        let fastScan = try #require(try scan.writeFast())
        #expect(String(decoding: fastScan, as: UTF8.self) == (try Self.encoderBytes(scan)))
    }

    static let itemOutputs: [(Item?, ConsumedCapacity?)] = [
        (nil, nil), (message, nil), (nil, capacity), (message, capacity), ([:], nil),
    ]

    @Test("GetItem, PutItem, DeleteItem and UpdateItem outputs match JSONEncoder's bytes", arguments: itemOutputs)
    func itemOutput(_ item: Item?, _ capacity: ConsumedCapacity?) throws {
        func check(_ output: some WireOutput) throws {
            let fast = try #require(try output.writeFast())
            #expect(String(decoding: fast, as: UTF8.self) == (try Self.encoderBytes(output)))
        }
        try check(GetItemOutput(item: item, consumedCapacity: capacity))
        try check(PutItemOutput(attributes: item, consumedCapacity: capacity))
        try check(DeleteItemOutput(attributes: item, consumedCapacity: capacity))
        try check(UpdateItemOutput(attributes: item, consumedCapacity: capacity))
    }

    @Test("TransactWriteItems' usual answer is JSONEncoder's bytes; one with capacity is left to it")
    func transactOutput() throws {
        let fast = try #require(try TransactWriteItemsOutput().writeFast())
        #expect(String(decoding: fast, as: UTF8.self) == (try Self.encoderBytes(TransactWriteItemsOutput())))
        #expect(try TransactWriteItemsOutput(consumedCapacity: [Self.capacity]).writeFast() == nil)
    }

    static let putBodies: [String] = [
        #"{"TableName":"cruddur-messages","Item":{"pk":{"S":"MSG#1"},"sk":{"S":"2026"},"n":{"N":"1.50"}}}"#,
        #"""
        {"TableName": "t", "Item": {"pk": {"S": "a\u00e9\n"}}, "ReturnValues": "ALL_OLD",
         "ReturnConsumedCapacity": "TOTAL", "ConditionExpression": "attribute_not_exists(#p) OR v < :v",
         "ExpressionAttributeNames": {"#p": "pk"}, "ExpressionAttributeValues": {":v": {"N": "3"}},
         "ReturnValuesOnConditionCheckFailure": "ALL_OLD", "Expected": {"ignored": [1, 2.5, null, {"x": true}]}}
        """#,
        #"{"TableName":"t","Item":{},"ReturnValues":null,"ConditionExpression":null}"#,
    ]

    @Test("PutItem bodies read by the fast path equal JSONDecoder's reading", arguments: putBodies)
    func putInput(_ body: String) throws {
        let fast = try #require(PutItemInput.readFast(Data(body.utf8)))
        #expect(fast == (try JSONDecoder().decode(PutItemInput.self, from: Data(body.utf8))))
    }

    static let queryBodies: [String] = [
        #"""
        {"TableName":"cruddur-messages","KeyConditionExpression":"pk = :pk AND begins_with(sk, :year)",
         "ExpressionAttributeValues":{":pk":{"S":"MSG#5ae290ed"},":year":{"S":"2026"}},
         "ScanIndexForward":false,"Limit":20}
        """#,
        #"""
        {"TableName":"t","IndexName":"i","Select":"COUNT","Limit":1,"ConsistentRead":true,
         "ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnConsumedCapacity":"INDEXES",
         "ProjectionExpression":"#a, b","FilterExpression":"b > :v","KeyConditionExpression":"pk = :p",
         "ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"N":"1"},":p":{"S":"x"}}}
        """#,
        #"{"TableName":"t"}"#,
    ]

    @Test("Query bodies read by the fast path equal JSONDecoder's reading", arguments: queryBodies)
    func queryInput(_ body: String) throws {
        let fast = try #require(QueryInput.readFast(Data(body.utf8)))
        #expect(fast == (try JSONDecoder().decode(QueryInput.self, from: Data(body.utf8))))
    }

    static let getBodies: [String] = [
        #"{"TableName":"t","Key":{"pk":{"S":"a"}}}"#,
        #"""
        {"TableName":"t","Key":{"pk":{"S":"a"},"sk":{"B":"AAE="}},"ConsistentRead":false,
         "ReturnConsumedCapacity":"NONE","ProjectionExpression":"#n","ExpressionAttributeNames":{"#n":"name"}}
        """#,
    ]

    @Test("GetItem bodies read by the fast path equal JSONDecoder's reading", arguments: getBodies)
    func getInput(_ body: String) throws {
        let fast = try #require(GetItemInput.readFast(Data(body.utf8)))
        #expect(fast == (try JSONDecoder().decode(GetItemInput.self, from: Data(body.utf8))))
    }

    static let transactBodies: [String] = [
        #"""
        {"TransactItems":[
          {"Delete":{"TableName":"cruddur-messages","Key":{"pk":{"S":"GRP#a"},"sk":{"S":"2026-01"}},
            "ConditionExpression":"attribute_exists(pk)"}},
          {"Put":{"TableName":"cruddur-messages","Item":{"pk":{"S":"GRP#a"},"sk":{"S":"2026-02"},"m":{"S":"hi"}},
            "ConditionExpression":"attribute_not_exists(pk) OR #s < :s","ExpressionAttributeNames":{"#s":"sk"},
            "ExpressionAttributeValues":{":s":{"S":"2026-02"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
          {"Update":{"TableName":"t","Key":{"pk":{"S":"x"}},"UpdateExpression":"SET n = n + :one",
            "ExpressionAttributeValues":{":one":{"N":"1"}},"Key2":[1,{"a":null}]}},
          {"ConditionCheck":{"TableName":"t","Key":{"pk":{"S":"y"}},"ConditionExpression":"attribute_exists(pk)"},
           "Put":null}],
         "ReturnConsumedCapacity":"INDEXES","ReturnItemCollectionMetrics":"NONE","ClientRequestToken":"tok-1"}
        """#,
        #"{"TransactItems":[]}"#,
        #"{"TransactItems":[{}],"ClientRequestToken":null}"#,
        // Members of another action are ignored, as JSONDecoder ignores keys outside an action's CodingKeys.
        #"{"TransactItems":[{"Put":{"TableName":"t","Item":{},"Key":{"pk":{"S":"k"}},"UpdateExpression":"SET a = b"}}]}"#,
    ]

    @Test("TransactWriteItems bodies read by the fast path equal JSONDecoder's reading", arguments: transactBodies)
    func transactInput(_ body: String) throws {
        let fast = try #require(TransactWriteItemsInput.readFast(Data(body.utf8)))
        #expect(fast == (try JSONDecoder().decode(TransactWriteItemsInput.self, from: Data(body.utf8))))
    }

    static let transactFallbacks: [String] = [
        #"{"TransactItems":[{"Put":{"Item":{}}}]}"#,  // TableName missing
        #"{"TransactItems":[{"Update":{"TableName":"t","Key":{}}}]}"#,  // UpdateExpression missing
        #"{"TransactItems":[{"ConditionCheck":{"TableName":"t","Key":{},"ConditionExpression":null}}]}"#,
        #"{"TransactItems":[{"Delete":{"TableName":"t","Key":{"pk":{"X":"1"}}}}]}"#,
        #"{"TransactItems":[{"Put":{"TableName":"t","Item":{},"Key":{"pk":{"X":"1"}}}}]}"#,
        #"{"TransactItems":[{"Put":{"TableName":"t","Item":{},"ReturnValuesOnConditionCheckFailure":"SOME"}}]}"#,
        #"{"TransactItems":[{"Put":{"TableName":"t","Item":{}},"Put":{"TableName":"t","Item":{}}}]}"#,
        #"{"TransactItems":null}"#,
        #"{"ClientRequestToken":"t"}"#,
    ]

    @Test("TransactWriteItems bodies off the fast path go to JSONDecoder", arguments: transactFallbacks)
    func transactFallback(_ body: String) {
        #expect(TransactWriteItemsInput.readFast(Data(body.utf8)) == nil)
    }

    static let fallbackBodies: [String] = [
        #"{"Item":{}}"#,  // TableName missing: JSONDecoder names it
        #"{"TableName":null,"Item":{}}"#,
        #"{"TableName":"t","Item":{},"ReturnValues":"SOME"}"#,
        #"{"TableName":"t","Item":{"pk":{"X":"1"}}}"#,
        #"{"TableName":"t","Item":{},"TableName":"u"}"#,  // duplicate member
        #"{"TableName":"t","Item":{}"#,  // truncated
        #"{"TableName":"t","Item":{},"ReturnConsumedCapacity":5}"#,
    ]

    @Test("bodies off the fast path go to JSONDecoder (which gives DynamoDB's error)", arguments: fallbackBodies)
    func fallback(_ body: String) {
        #expect(PutItemInput.readFast(Data(body.utf8)) == nil)
    }

    @Test("Query through the endpoint answers the newest items first with the fast paths on both sides")
    func queryThroughEndpoint() async throws {
        let server = DynamoDBAPIServer(
            store: try StateLocation.inMemory.openStore(region: "us-east-1", accountID: "123456789012"))
        let create = await server.respond(
            target: "DynamoDB_20120810.CreateTable",
            body: Data(
                #"""
                {"TableName":"msgs","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk",
                 "AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk",
                 "KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
                """#.utf8))
        #expect(create.status == 200, "\(String(decoding: create.body, as: UTF8.self))")
        for sk in ["2026-01", "2026-02", "2025-12"] {
            let put = await server.respond(
                target: "DynamoDB_20120810.PutItem",
                body: Data(#"{"TableName":"msgs","Item":{"pk":{"S":"g"},"sk":{"S":"\#(sk)"},"v":{"N":"01.0"}}}"#.utf8))
            #expect(put.status == 200)
            #expect(String(decoding: put.body, as: UTF8.self) == "{}")
        }
        let query = await server.respond(
            target: "DynamoDB_20120810.Query",
            body: Data(
                #"""
                {"TableName":"msgs","KeyConditionExpression":"pk = :pk AND begins_with(sk, :y)",
                 "ExpressionAttributeValues":{":pk":{"S":"g"},":y":{"S":"2026"}},"ScanIndexForward":false,"Limit":1}
                """#.utf8))
        #expect(query.status == 200)
        let item = #"{"pk":{"S":"g"},"sk":{"S":"2026-02"},"v":{"N":"1"}}"#
        let key = #"{"pk":{"S":"g"},"sk":{"S":"2026-02"}}"#
        #expect(
            String(decoding: query.body, as: UTF8.self)
                == #"{"Count":1,"Items":[\#(item)],"LastEvaluatedKey":\#(key),"ScannedCount":1}"#)
    }
}
