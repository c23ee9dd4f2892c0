import DynamoDBExpressions
import DynamoDBTypes
import Foundation
import Testing

struct KeyConditionTests {
    static let values: [String: AttributeValue] = [
        ":pk": .s("user#1"), ":a": .s("a"), ":b": .s("b"), ":n1": .n("1"), ":n5": .n("5"),
    ]

    static func parse(_ source: String, schema: KeySchema = hashRangeSchema, names: [String: String]? = nil) throws
        -> KeyCondition
    {
        var attributes = try ExpressionAttributes(names: names, values: values)
        return try KeyCondition.parse(source, attributes: &attributes, keySchema: schema)
    }

    @Test(
        "sort key conditions in either order, flipped when the value comes first",
        arguments: [
            ("pk = :pk", nil),
            ("pk = :pk AND sk = :a", SortKeyCondition.Comparison.equal(.s("a"))),
            ("sk = :a AND pk = :pk", .equal(.s("a"))),
            ("pk = :pk AND sk < :a", .less(.s("a"))),
            ("pk = :pk AND sk <= :a", .lessOrEqual(.s("a"))),
            ("pk = :pk AND sk > :a", .greater(.s("a"))),
            ("pk = :pk AND sk >= :a", .greaterOrEqual(.s("a"))),
            ("pk = :pk AND :a > sk", .less(.s("a"))),
            ("pk = :pk AND :a <= sk", .greaterOrEqual(.s("a"))),
            (":pk = pk AND sk BETWEEN :a AND :b", .between(.s("a"), .s("b"))),
            ("(pk = :pk) AND (begins_with(sk, :a))", .beginsWith(.s("a"))),
            ("begins_with(sk, :a) and pk = :pk", .beginsWith(.s("a"))),
        ] as [(String, SortKeyCondition.Comparison?)])
    func grammar(source: String, expected: SortKeyCondition.Comparison?) throws {
        let parsed = try Self.parse(source)
        #expect(parsed.partitionKeyName == "pk")
        #expect(parsed.partitionKeyValue == .s("user#1"))
        #expect(parsed.sortKeyCondition == expected.map { SortKeyCondition(attributeName: "sk", comparison: $0) })
    }

    @Test("names resolve to key attributes; values are recorded as used")
    func names() throws {
        var attributes = try ExpressionAttributes(names: ["#k": "pk", "#s": "sk"], values: Self.values)
        let parsed = try KeyCondition.parse("#k = :pk AND #s > :a", attributes: &attributes, keySchema: hashRangeSchema)
        #expect(parsed.sortKeyCondition?.attributeName == "sk")
        #expect(attributes.usedNames == ["#k", "#s"])
        #expect(attributes.usedValues == [":pk", ":a"])
    }

    @Test(
        "sort key matching: numbers by value, strings and binaries by bytes",
        arguments: [
            (SortKeyCondition.Comparison.equal(.n("5")), AttributeValue.n("5.0"), true),
            (.less(.n("5")), .n("10"), false),
            (.less(.n("10")), .n("5"), true),
            (.lessOrEqual(.s("b")), .s("b"), true),
            (.greater(.s("B")), .s("a"), true),
            (.greaterOrEqual(.n("-1")), .n("-2"), false),
            (.between(.n("1"), .n("5")), .n("5"), true),
            (.between(.n("1"), .n("5")), .n("5.1"), false),
            (.beginsWith(.s("ab")), .s("abc"), true),
            (.beginsWith(.s("ab")), .s("a"), false),
            (.beginsWith(.b(Data([1]))), .b(Data([1, 2])), true),
            (.less(.s("a")), .n("1"), false),
        ] as [(SortKeyCondition.Comparison, AttributeValue, Bool)])
    func matching(comparison: SortKeyCondition.Comparison, value: AttributeValue, expected: Bool) {
        #expect(SortKeyCondition(attributeName: "sk", comparison: comparison).matches(value) == expected)
        #expect(!SortKeyCondition(attributeName: "sk", comparison: comparison).matches(nil))
    }

    @Test("a number sort key takes number values")
    func numberSortKey() throws {
        let parsed = try Self.parse("pk = :pk AND n BETWEEN :n1 AND :n5", schema: numberSortSchema)
        #expect(parsed.sortKeyCondition == SortKeyCondition(attributeName: "n", comparison: .between(.n("1"), .n("5"))))
    }
}
