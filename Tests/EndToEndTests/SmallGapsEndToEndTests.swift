import Foundation
import Testing

/// Issue 12's smaller gaps through `lambda-local start`: the invoked function ARN a function sees through
/// `aws lambda invoke`, and TransactWriteItems' ValidationError reasons through the AWS CLI.
@Suite(.timeLimit(.minutes(2)))
struct SmallGapsEndToEndTests {
    @Test("the invoked function ARN carries the qualifier when the caller used one, and none otherwise")
    func qualifierInInvokedARN() throws {
        let emulator = try RunningEmulator()
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:probe-function"
        let (plain, plainPayload) = try emulator.awsInvoke("Probe", payload: #"{"action":"context"}"#)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try jsonObject(plainPayload)["invokedFunctionARN"] as? String == arn)

        let (qualified, qualifiedPayload) = try emulator.awsInvoke(
            "Probe", payload: #"{"action":"context"}"#, extra: ["--qualifier", "$LATEST"])
        #expect(qualified.status == 0, "\(qualified.stderr)")
        #expect(try jsonObject(qualifiedPayload)["invokedFunctionARN"] as? String == arn + ":$LATEST")

        let (byARN, byARNPayload) = try emulator.awsInvoke(arn + ":$LATEST", payload: #"{"action":"context"}"#)
        #expect(byARN.status == 0, "\(byARN.stderr)")
        #expect(try jsonObject(byARNPayload)["invokedFunctionARN"] as? String == arn + ":$LATEST")
    }

    @Test("aws dynamodb transact-write-items with a wrong operand type is cancelled with a ValidationError reason")
    func transactionValidationReason() throws {
        let directory = try TemporaryDirectory()
        let emulator = try RunningEmulator(template: try Paths.tablesOnlyRootTemplate(in: directory))
        let put = try emulator.awsDynamoDB([
            "put-item", "--table-name", "cruddur-messages", "--item",
            #"{"pk":{"S":"MSG#t"},"sk":{"S":"1"},"message":{"S":"text"}}"#,
        ])
        #expect(put.status == 0, "\(put.stderr)")
        let items = """
            [{"Put":{"TableName":"cruddur-messages","Item":{"pk":{"S":"MSG#t"},"sk":{"S":"2"}}}},
             {"Update":{"TableName":"cruddur-messages","Key":{"pk":{"S":"MSG#t"},"sk":{"S":"1"}},
              "UpdateExpression":"SET message = message + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}}]
            """
        let result = try emulator.awsDynamoDB(["transact-write-items", "--transact-items", items])
        #expect(result.status != 0)
        #expect(result.stderr.contains("TransactionCanceledException"), "\(result.stderr)")
        #expect(result.stderr.contains("[None, ValidationError]"), "\(result.stderr)")
        let get = try emulator.awsDynamoDB([
            "get-item", "--table-name", "cruddur-messages", "--key", #"{"pk":{"S":"MSG#t"},"sk":{"S":"2"}}"#,
        ])
        #expect(get.status == 0 && !get.stdout.contains("Item"), "the cancelled transaction wrote its Put")
    }
}
