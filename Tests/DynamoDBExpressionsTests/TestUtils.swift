import DynamoDBExpressions
import DynamoDBTypes
import Foundation

/// Parses `source` as `kind` with the given names and values; returns the error message, or nil on success.
func errorMessage(
    _ kind: ExpressionKind, _ source: String, names: [String: String]? = nil, values: [String: AttributeValue]? = nil,
    keySchema: KeySchema = hashRangeSchema
) -> String? {
    do {
        var attributes = try ExpressionAttributes(names: names, values: values)
        switch kind {
        case .condition, .filter:
            _ = try ConditionExpression.parse(source, kind: kind, attributes: &attributes)
        case .keyCondition:
            _ = try KeyCondition.parse(source, attributes: &attributes, keySchema: keySchema)
        case .projection:
            _ = try ProjectionExpression.parse(source, attributes: &attributes)
        case .update:
            _ = try UpdateExpression.parse(source, attributes: &attributes)
        }
        return nil
    } catch {
        return error.message
    }
}

/// A condition parsed with the given values (names default to none).
func condition(
    _ source: String, names: [String: String]? = nil, values: [String: AttributeValue]? = nil
) throws -> ConditionExpression {
    var attributes = try ExpressionAttributes(names: names, values: values)
    return try ConditionExpression.parse(source, attributes: &attributes)
}

func update(
    _ source: String, names: [String: String]? = nil, values: [String: AttributeValue]? = nil
) throws -> UpdateExpression {
    var attributes = try ExpressionAttributes(names: names, values: values)
    return try UpdateExpression.parse(source, attributes: &attributes)
}

func projection(_ source: String, names: [String: String]? = nil) throws -> ProjectionExpression {
    var attributes = try ExpressionAttributes(names: names)
    return try ProjectionExpression.parse(source, attributes: &attributes)
}

let hashRangeSchema = KeySchema(
    partitionKey: .init(name: "pk", type: .string), sortKey: .init(name: "sk", type: .string))
let hashOnlySchema = KeySchema(partitionKey: .init(name: "pk", type: .string))
let numberSortSchema = KeySchema(
    partitionKey: .init(name: "pk", type: .string), sortKey: .init(name: "n", type: .number))

/// A sample item with every kind of value.
let sampleItem: Item = [
    "pk": .s("user#1"),
    "s": .s("hello world"),
    "n": .n("10"),
    "b": .b(Data([1, 2, 3])),
    "ss": .ss(["a", "b"]),
    "ns": .ns(["1", "2.5"]),
    "bs": .bs([Data([1]), Data([2])]),
    "l": .l([.s("x"), .n("2"), .m(["k": .s("v")])]),
    "m": .m(["child": .m(["deep": .n("3")]), "nums": .l([.n("1"), .n("2")])]),
    "t": .bool(true),
    "z": .null,
]
