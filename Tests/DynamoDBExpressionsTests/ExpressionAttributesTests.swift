import DynamoDBExpressions
import DynamoDBTypes
import Testing

struct ExpressionAttributesTests {
    @Test("unused names and values are reported, names first, keys sorted")
    func unused() throws {
        var attributes = try ExpressionAttributes(
            names: ["#b": "b", "#a": "a", "#used": "x"], values: [":y": .s("1"), ":v": .s("2")])
        _ = try ConditionExpression.parse("#used = :v", attributes: &attributes)
        #expect(
            throws: ExpressionError(
                message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}")
        ) {
            try attributes.checkAllUsed()
        }
        _ = try ProjectionExpression.parse("#a, #b", attributes: &attributes)
        #expect(
            throws: ExpressionError(
                message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {:y}")
        ) {
            try attributes.checkAllUsed()
        }
    }

    @Test("usage is shared across the expressions of one request")
    func sharedAcrossExpressions() throws {
        var attributes = try ExpressionAttributes(names: ["#s": "status"], values: [":v": .s("a"), ":w": .n("1")])
        _ = try UpdateExpression.parse("SET #s = :v", attributes: &attributes)
        _ = try ConditionExpression.parse("attribute_exists(#s) AND n < :w", attributes: &attributes)
        try attributes.checkAllUsed()
        #expect(attributes.usedNames == ["#s"])
        #expect(attributes.usedValues == [":v", ":w"])
    }

    @Test("a failed parse records nothing")
    func failedParseRecordsNothing() throws {
        var attributes = try ExpressionAttributes(values: [":v": .s("a")])
        #expect(throws: ExpressionError.self) { try ConditionExpression.parse("a = :v AND", attributes: &attributes) }
        #expect(attributes.usedValues.isEmpty)
    }

    @Test(
        "map keys are checked as DynamoDB does",
        arguments: [
            ([String: String](), nil, "ExpressionAttributeNames must not be empty"),
            (["a": "a"], nil, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""),
            (["#": "a"], nil, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\""),
            (["#a": "a", "#b": ""], nil, "ExpressionAttributeNames contains invalid value: Empty attribute name for key #b"),
            (["#" + String(repeating: "a", count: 255): "a"], nil, "The expression attribute map contains a key that is too long"),
            (nil, [":" + String(repeating: "a", count: 255): .s("a")], "The expression attribute map contains a key that is too long"),
            (["#a": String(repeating: "a", count: 2 * 1024 * 1024)], nil, "ExpressionAttributeNames exceeds max size"),
            (nil, [":a": .s(String(repeating: "a", count: 2 * 1024 * 1024))], "ExpressionAttributeValues exceeds max size"),
            (
                ["#a": String(repeating: "a", count: 1024 * 1024)], [":a": .s(String(repeating: "a", count: 1024 * 1024))],
                "Combined size of ExpressionAttributeNames and ExpressionAttributeValues exceeds max size"
            ),
            (nil, [String: AttributeValue](), "ExpressionAttributeValues must not be empty"),
            (nil, ["a": .s("b")], "ExpressionAttributeValues contains invalid key: Syntax error; key: \"a\""),
            (nil, [":a-b": .s("b")], "ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\""),
        ] as [([String: String]?, [String: AttributeValue]?, String)])
    func invalidKeys(names: [String: String]?, values: [String: AttributeValue]?, message: String) {
        #expect(throws: ExpressionError(message: message)) { try ExpressionAttributes(names: names, values: values) }
    }

    @Test("placeholders of 255 bytes, and names and values up to 2 MB together, are accepted")
    func largestAccepted() throws {
        let name = "#" + String(repeating: "a", count: 254)
        let value = ":" + String(repeating: "a", count: 254)
        let attributes = try ExpressionAttributes(
            names: [name: "a"], values: [value: .s(String(repeating: "a", count: 2 * 1024 * 1024 - 1024))])
        #expect(attributes.names.count == 1)
        #expect(attributes.values.count == 1)
    }
}
