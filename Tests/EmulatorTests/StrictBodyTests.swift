import DynamoDBTypes
import Foundation
import TableStore
import Testing

@testable import DynamoDBEndpoint

/// Bodies DynamoDB rejects are rejected at the edge, with DynamoDB's exception: not JSON, a key twice, nesting
/// past any legal request, an unknown ReturnItemCollectionMetrics.
struct StrictBodyTests {
    let server: DynamoDBAPIServer

    init() throws {
        server = try DynamoDBAPIServer.inMemoryForTests()
    }

    /// The status, the exception's type and its message.
    func call(_ operation: String, _ body: String, prefix: String = "DynamoDB_20120810") async throws
        -> (status: Int, type: String, message: String)
    {
        let response = await server.respond(target: "\(prefix).\(operation)", body: Data(body.utf8))
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
        return (response.status, object["__type"] as? String ?? "", object["message"] as? String ?? "")
    }

    @Test(
        "bodies that are not one JSON object are SerializationException, whatever the operation",
        arguments: [
            ("ListTables", "DynamoDB_20120810", "not json", "The request body is not valid JSON: expected null at byte 1"),
            ("ListTables", "DynamoDB_20120810", "{} x", "The request body is not valid JSON: expected the end of the body at byte 3"),
            ("ListTables", "DynamoDB_20120810", "{\"Limit\": 1,}", "The request body is not valid JSON: expected a string key at byte 12"),
            ("ListTables", "DynamoDB_20120810", "", "The request body is not valid JSON: expected a value at byte 0"),
            ("ListTables", "DynamoDB_20120810", "[]", "The request body must be a JSON object"),
            ("ListStreams", "DynamoDBStreams_20120810", "{'a': 1}", "The request body is not valid JSON: expected a string key at byte 1"),
            ("ListStreams", "DynamoDBStreams_20120810", "{\"Limit\": 01}", "The request body is not valid JSON: expected ',' or '}' at byte 11"),
            ("DescribeTable", "DynamoDB_20120810", "{\"TableName\": \"a\\qb\"}", "The request body is not valid JSON: expected an escape at byte 17"),
        ])
    func notJSON(operation: String, prefix: String, body: String, message: String) async throws {
        let answer = try await call(operation, body, prefix: prefix)
        #expect(answer.status == 400)
        #expect(answer.type == "com.amazon.coral.service#SerializationException")
        #expect(answer.message == message)
    }

    @Test("a key twice in one object is rejected, not resolved to either value")
    func duplicateKeys() async throws {
        for name in ["first", "second"] {
            let create = try await call(
                "CreateTable",
                #"{"TableName": "\#(name)", "BillingMode": "PAY_PER_REQUEST", "#
                    + #""AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "#
                    + #""KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"#)
            #expect(create.status == 200)
        }
        let delete = try await call("DeleteTable", #"{"TableName": "first", "TableName": "second"}"#)
        #expect(delete.status == 400)
        #expect(delete.type == "com.amazon.coral.service#SerializationException")
        #expect(delete.message == #"The request body has the key "TableName" twice in one object, at byte 23"#)
        // Escapes do not hide a duplicate; the same key in different objects is fine.
        let escaped = try await call("DescribeTable", #"{"TableName": "first", "Table\u004eame": "second"}"#)
        #expect(escaped.message == #"The request body has the key "TableName" twice in one object, at byte 23"#)
        let put = try await call(
            "PutItem", #"{"TableName": "first", "Item": {"pk": {"S": "a"}, "m": {"M": {"pk": {"S": "b"}}}}}"#)
        #expect(put.status == 200)
        let tables = try await call("ListTables", "{}")
        #expect(tables.status == 200)
        let list = await server.respond(target: "DynamoDB_20120810.ListTables", body: Data("{}".utf8))
        #expect(String(decoding: list.body, as: UTF8.self).contains(#""first""#))
    }

    @Test("well-formed JSON nested past any legal request is DynamoDB's nesting error, not \"not valid JSON\"")
    func deepJSON() async throws {
        let depth = 5_000
        let value = String(repeating: #"{"L": ["#, count: depth) + #"{"S": "x"}"# + String(repeating: "]}", count: depth)
        let answer = try await call("PutItem", #"{"TableName": "things", "Item": {"pk": {"S": "a"}, "deep": \#(value)}}"#)
        #expect(answer.status == 400)
        #expect(answer.type == "com.amazon.coral.validate#ValidationException")
        #expect(
            answer.message
                == "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit")
    }

    @Test(
        "ReturnItemCollectionMetrics must be SIZE or NONE",
        arguments: [
            ("PutItem", #"{"TableName": "things", "Item": {"pk": {"S": "a"}}, "ReturnItemCollectionMetrics": "ALL"}"#),
            ("DeleteItem", #"{"TableName": "things", "Key": {"pk": {"S": "a"}}, "ReturnItemCollectionMetrics": "ALL"}"#),
            ("UpdateItem", #"{"TableName": "things", "Key": {"pk": {"S": "a"}}, "ReturnItemCollectionMetrics": "ALL"}"#),
            ("BatchWriteItem", #"{"RequestItems": {}, "ReturnItemCollectionMetrics": "ALL"}"#),
            ("TransactWriteItems", #"{"TransactItems": [], "ReturnItemCollectionMetrics": "ALL"}"#),
        ])
    func returnItemCollectionMetrics(operation: String, body: String) async throws {
        let answer = try await call(operation, body)
        #expect(answer.type == "com.amazon.coral.validate#ValidationException")
        #expect(
            answer.message
                == "1 validation error detected: Value 'ALL' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]"
        )
    }
}

extension DynamoDBAPIServer {
    /// A server over a fresh in-memory store.
    static func inMemoryForTests() throws -> DynamoDBAPIServer {
        DynamoDBAPIServer(store: try TableStore(inMemory: .init(region: "us-east-1", accountID: "123456789012")))
    }
}
