import DynamoDBTypes
import Foundation
import TableStore
import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

/// The DynamoDB endpoint's dispatch and error mapping, driven in-process (no sockets) over an in-memory store.
struct DynamoDBAPITests {
    let server: DynamoDBAPIServer

    init() throws {
        server = try DynamoDBAPIServer.inMemoryForTests()
    }

    /// Sends `body` to `Operation` under `prefix`; the status and the body with keys sorted.
    func call(_ operation: String, _ body: String, prefix: String = "DynamoDB_20120810") async throws -> (Int, String) {
        let response = await server.respond(target: "\(prefix).\(operation)", body: Data(body.utf8))
        return (response.status, try canonical(response.body))
    }

    func createTable() async throws {
        let (status, _) = try await call(
            "CreateTable",
            """
            {"TableName": "things", "BillingMode": "PAY_PER_REQUEST",
             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
             "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}}
            """)
        #expect(status == 200)
    }

    @Test("DynamoDB_20120810 targets run on the store and answer with the output shape")
    func dispatch() async throws {
        try await createTable()
        let put = try await call(
            "PutItem", #"{"TableName": "things", "Item": {"pk": {"S": "a"}, "n": {"N": "1.50"}}}"#)
        #expect(put.0 == 200)
        #expect(put.1 == "{}")
        let get = try await call("GetItem", #"{"TableName": "things", "Key": {"pk": {"S": "a"}}}"#)
        #expect(get.0 == 200)
        #expect(get.1 == #"{"Item":{"n":{"N":"1.5"},"pk":{"S":"a"}}}"#)
        let list = try await call("ListTables", "{}")
        #expect(list.1 == #"{"TableNames":["things"]}"#)
    }

    @Test("DynamoDBStreams_20120810 targets reach the streams API; stream operations are not DynamoDB's")
    func streamsTarget() async throws {
        try await createTable()
        let (status, body) = try await call(
            "ListStreams", #"{"TableName": "things"}"#, prefix: "DynamoDBStreams_20120810")
        #expect(status == 200)
        #expect(body.contains(#""StreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/things/stream/"#))
        #expect(body.contains(#""TableName":"things""#))
        let wrong = try await call("ListStreams", "{}")
        #expect(wrong.0 == 400)
        #expect(
            wrong.1
                == #"{"__type":"com.amazon.coral.service#UnknownOperationException","message":"Unknown operation: \"DynamoDB_20120810.ListStreams\""}"#
        )
    }

    @Test(
        "targets that name no operation are UnknownOperationException",
        arguments: [
            ("DynamoDB_20120810.Nope", #"Unknown operation: \"DynamoDB_20120810.Nope\""#),
            ("DynamoDB_20111205.GetItem", #"Unknown operation: \"DynamoDB_20111205.GetItem\""#),
            ("GetItem", #"Unknown operation: \"GetItem\""#),
        ])
    func unknownTarget(target: String, message: String) async throws {
        let response = await server.respond(target: target, body: Data("{}".utf8))
        #expect(response.status == 400)
        #expect(
            try canonical(response.body)
                == #"{"__type":"com.amazon.coral.service#UnknownOperationException","message":"\#(message)"}"#)
    }

    @Test("a request without X-Amz-Target is UnknownOperationException")
    func missingTarget() async throws {
        let response = await server.respond(target: nil, body: Data("{}".utf8))
        #expect(response.status == 400)
        #expect(
            try canonical(response.body)
                == #"{"__type":"com.amazon.coral.service#UnknownOperationException","message":"Unknown operation: \"\""}"#
        )
    }

    @Test(
        "bodies that are not the input shape are rejected naming the member",
        arguments: [
            (
                "GetItem", #"{"TableName": "things""#, "com.amazon.coral.service#SerializationException",
                "The request body is not valid JSON: expected ',' or '}' at byte 22"
            ),
            (
                "GetItem", "", "com.amazon.coral.service#SerializationException",
                "The request body is not valid JSON: expected a value at byte 0"
            ),
            (
                "GetItem", "[1]", "com.amazon.coral.service#SerializationException",
                "The request body must be a JSON object"
            ),
            (
                "GetItem", #"{"TableName": 5, "Key": {}}"#, "com.amazon.coral.service#SerializationException",
                "Unexpected value at 'tableName': expected a string"
            ),
            (
                "Query", #"{"TableName": "t", "Limit": "20"}"#, "com.amazon.coral.service#SerializationException",
                "Unexpected value at 'limit': expected a number"
            ),
            (
                "PutItem", #"{"Item": {}}"#, "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"
            ),
            (
                "PutItem", #"{"TableName": null, "Item": {}}"#, "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"
            ),
            (
                "TransactWriteItems",
                #"{"TransactItems": [{"Put": {"TableName": "t", "Item": {}}}, {"Put": {"Item": {}}}]}"#,
                "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value null at 'transactItems.2.member.put.tableName' failed to satisfy constraint: Member must not be null"
            ),
            (
                "PutItem", #"{"TableName": "t", "Item": {}, "ReturnValues": "SOME"}"#,
                "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW]"
            ),
            (
                "PutItem", #"{"TableName": "t", "Item": {"pk": {"X": "1"}}}"#,
                "com.amazon.coral.validate#ValidationException",
                #"One or more parameter values were invalid: Unknown AttributeValue type \"X\"; expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL at 'item.pk.x'"#
            ),
        ])
    func wrongShape(operation: String, body: String, type: String, message: String) async throws {
        let (status, answer) = try await call(operation, body)
        #expect(status == 400)
        #expect(answer == #"{"__type":"\#(type)","message":"\#(message)"}"#)
    }

    @Test("store errors keep DynamoDB's __type, status and message")
    func storeErrors() async throws {
        let (status, body) = try await call("GetItem", #"{"TableName": "missing", "Key": {"pk": {"S": "a"}}}"#)
        #expect(status == 400)
        #expect(
            body
                == #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#
        )
    }

    @Test("ConditionalCheckFailedException carries the old Item when asked for")
    func conditionFailedItem() async throws {
        try await createTable()
        _ = try await call("PutItem", #"{"TableName": "things", "Item": {"pk": {"S": "a"}, "v": {"N": "1"}}}"#)
        let (status, body) = try await call(
            "PutItem",
            #"{"TableName": "things", "Item": {"pk": {"S": "a"}}, "ConditionExpression": "attribute_not_exists(pk)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}"#
        )
        #expect(status == 400)
        #expect(
            body
                == #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","Item":{"pk":{"S":"a"},"v":{"N":"1"}},"message":"The conditional request failed"}"#
        )
    }

    @Test("TransactionCanceledException carries one CancellationReason per action")
    func transactionCanceled() async throws {
        try await createTable()
        _ = try await call("PutItem", #"{"TableName": "things", "Item": {"pk": {"S": "a"}}}"#)
        let (status, body) = try await call(
            "TransactWriteItems",
            """
            {"TransactItems": [
              {"Put": {"TableName": "things", "Item": {"pk": {"S": "a"}}, "ConditionExpression": "attribute_not_exists(pk)"}},
              {"Put": {"TableName": "things", "Item": {"pk": {"S": "b"}}}}]}
            """)
        #expect(status == 400)
        #expect(
            body
                == #"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},{"Code":"None"}],"message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"}"#
        )
    }

    @Test("an internal error is HTTP 500 InternalServerError")
    func internalError() throws {
        let response = DynamoDBAPIResponse.failure(DynamoDBError(.internalServerError, "disk on fire"))
        #expect(response.status == 500)
        #expect(
            try canonical(response.body)
                == #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"disk on fire"}"#)
    }

    @Test("responses are application/x-amz-json-1.0 with a 52-character request ID and no CRC32")
    func headers() {
        let response = DynamoDBAPIServer.httpResponse(DynamoDBAPIResponse(status: 400, body: Data("{}".utf8)))
        #expect(response.status.code == 400)
        #expect(response.headers[.contentType] == "application/x-amz-json-1.0")
        let requestID = response.headers[DynamoDBWire.requestID] ?? ""
        #expect(requestID.wholeMatch(of: /[A-Z0-9]{52}/) != nil)
        #expect(response.headers[.init("x-amz-crc32")!] == nil)
    }

    @Test("functions get the endpoint through AWS_ENDPOINT_URL_DYNAMODB and _DYNAMODB_STREAMS")
    func clientEnvironment() {
        #expect(
            DynamoDBAPIServer.clientEnvironment(host: "127.0.0.1", port: 8000) == [
                "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000",
                "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": "http://127.0.0.1:8000",
            ])
        #expect(
            DynamoDBAPIServer.clientEnvironment(host: "0.0.0.0", port: 1)["AWS_ENDPOINT_URL_DYNAMODB"]
                == "http://127.0.0.1:1")
        #expect(
            DynamoDBAPIServer.clientEnvironment(host: "::1", port: 2)["AWS_ENDPOINT_URL_DYNAMODB"] == "http://[::1]:2")
    }
}

/// JSON text with keys sorted, so bodies compare exactly whatever order the encoder chose.
func canonical(_ data: Data) throws -> String {
    let value = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
    let text = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: text, as: UTF8.self)
}
