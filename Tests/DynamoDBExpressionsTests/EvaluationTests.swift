import DynamoDBExpressions
import DynamoDBTypes
import Foundation
import Testing

/// Condition and filter evaluation against ``sampleItem``.
struct EvaluationTests {
    static let values: [String: AttributeValue] = [
        ":s": .s("hello world"), ":hello": .s("hello"), ":world": .s("world"), ":n10": .n("10"),
        ":n10b": .n("10.000"), ":n9": .n("9"), ":n11": .n("11"), ":n3": .n("3"), ":n2": .n("2"), ":ten": .s("10"),
        ":a": .s("a"), ":c": .s("c"), ":x": .s("x"), ":b123": .b(Data([1, 2, 3])), ":b12": .b(Data([1, 2])),
        ":b2": .b(Data([2])), ":b9": .b(Data([9])), ":n1": .n("1"), ":n25": .n("2.50"), ":true": .bool(true),
        ":false": .bool(false), ":null": .null, ":tS": .s("S"), ":tN": .s("N"), ":tM": .s("M"), ":tNULL": .s("NULL"),
        ":tBOOL": .s("BOOL"), ":tL": .s("L"), ":tSS": .s("SS"), ":ss": .ss(["b", "a"]), ":ns": .ns(["2.5", "1.0"]),
        ":kv": .m(["k": .s("v")]), ":list": .l([.n("1"), .n("2")]), ":empty": .s(""), ":upper": .s("Hello"),
    ]

    @Test(
        "comparisons, functions and missing attributes",
        arguments: [
            // Comparators; numbers by value, strings by bytes, different types never match.
            ("s = :s", true), ("s <> :s", false), ("n = :n10b", true), ("n = :ten", false), ("n <> :ten", true),
            ("n < :n11", true), ("n < :n10", false), ("n <= :n10", true), ("n > :n9", true), ("n >= :n11", false),
            ("n > :ten", false), ("n < :ten", false), ("s > :hello", true), ("s < :world", true), ("s > :upper", true),
            ("b = :b123", true), ("b > :b12", true), ("b < :b9", true), ("t = :true", true), ("t = :false", false),
            ("z = :null", true), ("ss = :ss", true), ("ns = :ns", true), ("m.child.deep = :n3", true),
            ("l[2] = :kv", true), ("m.nums = :list", true), ("l[1] = :n2", true), ("l[9] = :n2", false),
            // Comparing two attributes.
            ("n > m.child.deep", true), ("m.child.deep > n", false),
            // Missing attributes: false for every comparison but `<>`.
            ("gone = :a", false), ("gone <> :a", true), ("gone < :a", false), ("gone >= :a", false),
            ("m.nope.deep = :n3", false), ("s.x = :a", false),
            // BETWEEN and IN.
            ("n BETWEEN :n9 AND :n11", true), ("n BETWEEN :n10 AND :n10b", true), ("n BETWEEN :n11 AND :n11", false),
            ("s BETWEEN :a AND :x", true), ("n BETWEEN :a AND :x", false), ("gone BETWEEN :a AND :c", false),
            ("n IN (:n9, :n10b)", true), ("n IN (:n9, :ten)", false), ("gone IN (:a)", false),
            // Functions.
            ("attribute_exists(s)", true), ("attribute_exists(m.child.deep)", true), ("attribute_exists(l[5])", false),
            ("attribute_not_exists(gone)", true), ("attribute_not_exists(z)", false),
            ("attribute_type(s, :tS)", true), ("attribute_type(n, :tN)", true), ("attribute_type(m, :tM)", true),
            ("attribute_type(z, :tNULL)", true), ("attribute_type(t, :tBOOL)", true), ("attribute_type(l, :tL)", true),
            ("attribute_type(ss, :tSS)", true), ("attribute_type(s, :tN)", false), ("attribute_type(gone, :tS)", false),
            ("begins_with(s, :hello)", true), ("begins_with(s, :world)", false), ("begins_with(s, :empty)", true),
            ("begins_with(b, :b12)", true), ("begins_with(b, :b2)", false), ("begins_with(n, :a)", false),
            ("contains(s, :world)", true), ("contains(s, :x)", false), ("contains(ss, :a)", true),
            ("contains(ss, :c)", false), ("contains(ns, :n25)", true), ("contains(bs, :b2)", true),
            ("contains(b, :b2)", true), ("contains(l, :kv)", true), ("contains(l, :n2)", true),
            ("contains(l, :a)", false),
            ("contains(gone, :a)", false), ("contains(n, :n1)", false),
            ("size(s) = :n11", true), ("size(ss) = :n2", true), ("size(l) > :n2", true), ("size(m) = :n2", true),
            ("size(b) = :n3", true), ("size(n) = :n2", false), ("size(gone) < :n1", false),
            ("size(gone) <> :n1", true),
            // Logic and precedence: NOT binds tighter than AND, AND tighter than OR.
            ("NOT gone = :a", true), ("NOT s = :s", false), ("not not s = :s", true),
            ("s = :a OR n = :n10 AND t = :false", false), ("s = :s OR n = :n9 AND t = :false", true),
            ("(s = :s OR n = :n9) AND t = :false", false), ("NOT s = :a AND n = :n10", true),
            ("NOT (s = :s AND n = :n9)", true), ("s = :s and n = :n10 or gone = :a", true),
            ("(n) = :n10", true), ("(size(s)) = :n11", true), ("(attribute_exists(s))", true),
        ])
    func truthTable(source: String, expected: Bool) throws {
        let parsed = try condition(source, values: Self.values)
        #expect(parsed.evaluate(sampleItem) == expected)
    }

    @Test("a Query filter may not read key attributes")
    func filterOnKeys() throws {
        var attributes = try ExpressionAttributes(values: [":b": .n("1")])
        let filter = try ConditionExpression.parse(
            "attribute_exists(a.b) AND b = :b", kind: .filter, attributes: &attributes)
        #expect(
            throws: ExpressionError(
                message: "Filter Expression can only contain non-primary key attributes: Primary key attribute: a",
                kind: .filter)
        ) { try filter.checkNoKeyAttributes(["a", "b"]) }
        try filter.checkNoKeyAttributes(["pk", "sk"])
    }

    @Test("a missing item has no attributes")
    func goneItem() throws {
        #expect(try condition("attribute_not_exists(pk)").evaluate(nil))
        #expect(try condition("pk <> :a", values: [":a": .s("a")]).evaluate(nil))
        #expect(try !condition("pk = :a", values: [":a": .s("a")]).evaluate(nil))
    }

    @Test("names stand in for reserved words and odd characters")
    func names() throws {
        let item: Item = ["status": .s("open"), "a-b": .m(["name": .n("1")])]
        let parsed = try condition(
            "#s = :open AND #ab.#n = :one", names: ["#s": "status", "#ab": "a-b", "#n": "name"],
            values: [":open": .s("open"), ":one": .n("1")])
        #expect(parsed.evaluate(item))
        #expect(parsed.attributeNames == ["status", "a-b"])
        #expect(parsed.documentPaths == [DocumentPath("status"), DocumentPath("a-b", "name")])
    }

    @Test("keywords and functions are case-insensitive and case-sensitive respectively")
    func keywordCase() throws {
        let parsed = try condition(
            "n between :a and :b AND n in (:b) oR NoT attribute_exists(n)", values: [":a": .n("1"), ":b": .n("10")])
        #expect(parsed.evaluate(sampleItem))
    }
}
