import Foundation
import Testing

/// Requests that used to kill `lambda-local start` (a stack overflow in the expression parser) or take tens of
/// seconds, sent through the real DynamoDB port: each gets DynamoDB's ValidationException, and the emulator goes on
/// serving afterwards.
@Suite(.timeLimit(.minutes(3)))
struct HostileInputEndToEndTests {
    /// One hostile request: the operation, its body, and how DynamoDB's answer begins.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let operation: String
        let body: String
        let message: String
        var testDescription: String { name }
    }

    static let table = "cruddur-messages"
    static let key = #""Key": {"pk": {"S": "a"}, "sk": {"S": "1"}}"#
    static let sizeError = "Expression size has exceeded the maximum allowed size; expression size: "

    static let cases: [Case] = [
        Case(
            name: "70,000 nested parentheses in a FilterExpression", operation: "Query",
            body: query(filter: String(repeating: "(", count: 70_000) + "v = :v" + String(repeating: ")", count: 70_000)),
            message: "Invalid FilterExpression: " + sizeError + "140006"),
        Case(
            name: "41,000 AND terms", operation: "Query",
            body: query(filter: Array(repeating: "v = :v", count: 41_000).joined(separator: " AND ")),
            message: "Invalid FilterExpression: " + sizeError),
        Case(
            name: "44,000 NOTs", operation: "Query",
            body: query(filter: String(repeating: "NOT ", count: 44_000) + "v = :v"),
            message: "Invalid FilterExpression: " + sizeError),
        Case(
            name: "a 55,000-part document path", operation: "GetItem",
            body: #"{"TableName": "\#(table)", \#(key), "ProjectionExpression": "a\#(String(repeating: ".b", count: 55_000))"}"#,
            message: "Invalid ProjectionExpression: " + sizeError),
        Case(
            name: "10,000 projection paths", operation: "GetItem",
            body: #"{"TableName": "\#(table)", \#(key), "ProjectionExpression": "\#((0..<10_000).map { "a\($0)" }.joined(separator: ", "))"}"#,
            message: "Invalid ProjectionExpression: " + sizeError),
        Case(
            name: "5,000 nested if_not_exists", operation: "UpdateItem",
            body: update(
                "SET a = " + String(repeating: "if_not_exists(a, ", count: 5_000) + ":v" + String(repeating: ")", count: 5_000)),
            message: "Invalid UpdateExpression: " + sizeError),
        Case(
            name: "10,000 SET actions", operation: "UpdateItem",
            body: update("SET " + (0..<10_000).map { "a\($0) = :v" }.joined(separator: ", ")),
            message: "Invalid UpdateExpression: " + sizeError),
        Case(
            name: "2,000 nested parentheses within 4 KB", operation: "Query",
            body: query(filter: String(repeating: "(", count: 2_000) + "v = :v" + String(repeating: ")", count: 2_000)),
            message: "Invalid FilterExpression: The expression has too many nesting levels; nesting levels exceed 256"),
        Case(
            name: "an attribute value nested 5,000 levels deep", operation: "PutItem",
            body: #"{"TableName": "\#(table)", "Item": {"pk": {"S": "a"}, "sk": {"S": "1"}, "deep": "#
                + String(repeating: #"{"L": ["#, count: 5_000) + #"{"S": "x"}"# + String(repeating: "]}", count: 5_000) + "}}",
            message: "Nesting Levels have exceeded supported limits"),
    ]

    static func query(filter: String) -> String {
        #"{"TableName": "\#(table)", "KeyConditionExpression": "pk = :pk", "FilterExpression": "\#(filter)", "#
            + #""ExpressionAttributeValues": {":pk": {"S": "a"}, ":v": {"S": "x"}}}"#
    }

    static func update(_ expression: String) -> String {
        #"{"TableName": "\#(table)", \#(key), "UpdateExpression": "\#(expression)", "#
            + #""ExpressionAttributeValues": {":v": {"S": "x"}}}"#
    }

    @Test("each hostile request is a ValidationException, and the emulator still serves a normal request", arguments: cases)
    func hostile(_ hostile: Case) throws {
        let directory = try TemporaryDirectory()
        let emulator = try RunningEmulator(template: try Paths.tablesOnlyRootTemplate(in: directory))
        defer { emulator.kill() }

        let answer = try Self.post(emulator, hostile.operation, hostile.body, in: directory)
        #expect(answer.status == 400, "\(answer.body)")
        #expect(answer.body["__type"] as? String == "com.amazon.coral.validate#ValidationException")
        let message = answer.body["message"] as? String ?? ""
        #expect(message.hasPrefix(hostile.message), "\(message)")
        #expect(emulator.process.isRunning, "the emulator died: \(emulator.log)")

        let put = try Self.post(
            emulator, "PutItem", #"{"TableName": "\#(Self.table)", "Item": {"pk": {"S": "a"}, "sk": {"S": "1"}}}"#,
            in: directory)
        #expect(put.status == 200, "\(put.body)")
        let get = try Self.post(emulator, "GetItem", #"{"TableName": "\#(Self.table)", \#(Self.key)}"#, in: directory)
        #expect(get.status == 200, "\(get.body)")
        #expect(try canonicalJSON(get.body["Item"] ?? [:]) == #"{"pk":{"S":"a"},"sk":{"S":"1"}}"#)
    }

    /// POSTs `body` to the DynamoDB port with curl (the body goes through a file: it can be larger than an
    /// argument may be); the HTTP status and the JSON answer.
    static func post(_ emulator: RunningEmulator, _ operation: String, _ body: String, in directory: TemporaryDirectory)
        throws -> (status: Int, body: [String: Any])
    {
        let request = try directory.write("request.json", body)
        let response = directory.path + "/response.json"
        let result = try run(
            "/usr/bin/env",
            [
                "curl", "--silent", "--show-error", "--max-time", "60", "--output", response, "--write-out", "%{http_code}",
                "--header", "X-Amz-Target: DynamoDB_20120810.\(operation)",
                "--header", "Content-Type: application/x-amz-json-1.0",
                "--data-binary", "@\(request)", emulator.dynamoDBEndpoint,
            ])
        #expect(result.status == 0, "curl: \(result.stderr)")
        let text = (try? String(contentsOfFile: response, encoding: .utf8)) ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? ["raw": text]
        return (Int(result.stdout) ?? 0, object)
    }
}
