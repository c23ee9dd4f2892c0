import CurlHTTP
import DynamoDBClient
import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ErrorDecodingTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let status: Int
        let body: String
        let expected: DynamoDBClientError
    }

    @Test(
        "an error answer becomes the typed error, sent once when it is not retryable",
        arguments: [
            ErrorCase(
                testDescription: "ConditionalCheckFailed with the old item",
                status: 400,
                body: #"""
                    {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",\#
                    "message":"The conditional request failed","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}
                    """#,
                expected: .service(
                    DynamoDBError(
                        .conditionalCheckFailed, "The conditional request failed",
                        item: ["pk": .s("a"), "n": .n("1")]))),
            ErrorCase(
                testDescription: "TransactionCanceled with its reasons (capitalized Message)",
                status: 400,
                body: #"""
                    {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",\#
                    "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons \#
                    [None, ConditionalCheckFailed]","CancellationReasons":[{"Code":"None"},\#
                    {"Code":"ConditionalCheckFailed","Message":"The conditional request failed",\#
                    "Item":{"pk":{"S":"b"}}}]}
                    """#,
                expected: .service(
                    DynamoDBError(
                        .transactionCanceled,
                        "Transaction cancelled, please refer cancellation reasons for specific reasons "
                            + "[None, ConditionalCheckFailed]",
                        cancellationReasons: [
                            CancellationReason(code: "None"),
                            CancellationReason(
                                item: ["pk": .s("b")], code: "ConditionalCheckFailed",
                                message: "The conditional request failed"),
                        ]))),
            ErrorCase(
                testDescription: "a validation error",
                status: 400,
                body: #"""
                    {"__type":"com.amazon.coral.validate#ValidationException",\#
                    "message":"One or more parameter values are not valid. The AttributeValue for a key attribute \#
                    cannot contain an empty string value. Key: pk"}
                    """#,
                expected: .service(
                    DynamoDBError(
                        .validation,
                        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                            + "contain an empty string value. Key: pk"))),
            ErrorCase(
                testDescription: "a type without a namespace",
                status: 400,
                body: #"{"__type":"ResourceNotFoundException","message":"Requested resource not found"}"#,
                expected: .service(DynamoDBError(.resourceNotFound, "Requested resource not found"))),
            ErrorCase(
                testDescription: "a 403 that is not DynamoDB's shape",
                status: 403,
                body: "<html>Forbidden</html>",
                expected: .invalidResponse(#"HTTP 403 without a DynamoDB error body: "<html>Forbidden</html>""#)),
        ])
    func decodesErrors(_ example: ErrorCase) async throws {
        let transport = ScriptedTransport([answer(example.status, example.body)])
        let client = scriptedClient(transport)
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await client.getItem(GetItemInput(tableName: "t", key: ["pk": .s("a")]))
        }
        #expect(error == example.expected)
        #expect(transport.requests.count == 1)
    }

    @Test("the readable accessors expose condition and cancellation details")
    func accessors() {
        let conditional = DynamoDBClientError.service(
            DynamoDBError(.conditionalCheckFailed, "The conditional request failed", item: ["pk": .s("a")]))
        #expect(conditional.isConditionalCheckFailed)
        #expect(!conditional.isTransactionCanceled)
        #expect(conditional.conditionCheckItem == ["pk": .s("a")])
        let canceled = DynamoDBClientError.service(
            DynamoDBError(
                .transactionCanceled, "Transaction cancelled",
                cancellationReasons: [
                    CancellationReason(code: "None"), CancellationReason(code: "ConditionalCheckFailed"),
                    CancellationReason(),
                ]))
        #expect(canceled.isTransactionCanceled)
        #expect(canceled.cancellationCodes == ["None", "ConditionalCheckFailed", "None"])
        #expect(canceled.failedActionIndexes == [1])
        #expect(DynamoDBClientError.service(DynamoDBError(.throttling, "Rate exceeded")).isThrottling)
        #expect(DynamoDBClientError.transport("refused").serviceError == nil)
    }

    @Test("a 500 is retried after a backoff, then the success is returned")
    func serverErrorThenSuccess() async throws {
        let transport = ScriptedTransport([
            answer(500, #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"oops"}"#),
            answer(200, #"{"Item":{"pk":{"S":"a"}}}"#),
        ])
        let sleeps = SleepRecorder()
        let client = scriptedClient(transport, sleeps: sleeps)
        let output = try await client.getItem(GetItemInput(tableName: "t", key: ["pk": .s("a")]))
        #expect(output.item == ["pk": .s("a")])
        #expect(transport.requests.count == 2)
        #expect(sleeps.all == [.milliseconds(50)])
    }

    @Test("throttling is retried with doubling backoff until the attempts run out")
    func throttlingExhausted() async throws {
        let throttled = answer(
            400,
            #"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}"#
        )
        let transport = ScriptedTransport([throttled, throttled, throttled, throttled])
        let sleeps = SleepRecorder()
        let client = scriptedClient(transport, sleeps: sleeps)
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await client.putItem(PutItemInput(tableName: "t", item: ["pk": .s("a")]))
        }
        #expect(error?.code == .provisionedThroughputExceeded)
        #expect(error?.isThrottling == true)
        #expect(transport.requests.count == 3)
        #expect(sleeps.all == [.milliseconds(50), .milliseconds(100)])
    }

    @Test("a transport failure is retried; each attempt is signed afresh")
    func transportThenSuccess() async throws {
        let transport = ScriptedTransport([
            .failure(HTTPClientError(code: .transfer, message: "POST http://127.0.0.1:8000/ failed: Connection reset")),
            answer(200, "{}"),
        ])
        let client = scriptedClient(transport)
        _ = try await client.deleteItem(DeleteItemInput(tableName: "t", key: ["pk": .s("a")]))
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0] == transport.requests[1])
    }

    @Test("a lasting transport failure surfaces as .transport with libcurl's message")
    func transportExhausted() async throws {
        let refused = Result<HTTPResponse, HTTPClientError>.failure(
            HTTPClientError(code: .transfer, message: "POST http://127.0.0.1:9/ failed: Connection refused"))
        let transport = ScriptedTransport([refused, refused])
        let client = scriptedClient(transport, retry: RetryPolicy(maximumAttempts: 2))
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await client.scan(ScanInput(tableName: "t"))
        }
        #expect(error == .transport("POST http://127.0.0.1:9/ failed: Connection refused"))
        #expect(transport.requests.count == 2)
    }

    @Test("a 200 whose body is not the output shape is an invalid response, not retried")
    func invalidSuccessBody() async throws {
        let transport = ScriptedTransport([answer(200, "not json")])
        let client = scriptedClient(transport)
        let error = await #expect(throws: DynamoDBClientError.self) {
            try await client.query(QueryInput(tableName: "t"))
        }
        guard case .invalidResponse(let text) = error else {
            Issue.record("expected .invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(text.hasPrefix("the Query answer is not its output shape ("))
        #expect(text.hasSuffix("): not json"))
        #expect(transport.requests.count == 1)
    }

    @Test("a non-DynamoDB 502 is retried as a server error")
    func badGateway() async throws {
        let transport = ScriptedTransport([answer(502, "Bad Gateway"), answer(200, "{}")])
        let client = scriptedClient(transport)
        _ = try await client.updateItem(UpdateItemInput(tableName: "t", key: ["pk": .s("a")]))
        #expect(transport.requests.count == 2)
    }

    @Test("the backoff ceiling doubles from the base and stops at the maximum")
    func backoffCeiling() {
        let policy = RetryPolicy(maximumAttempts: 10, baseDelay: .milliseconds(50), maximumDelay: .milliseconds(300))
        #expect(
            (1...5).map { policy.delayCeiling(afterAttempt: $0) } == [
                .milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300),
            ])
    }
}
