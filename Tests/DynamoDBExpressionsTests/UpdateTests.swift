import DynamoDBExpressions
import DynamoDBTypes
import Foundation
import Testing

struct UpdateTests {
    static let values: [String: AttributeValue] = [
        ":v": .s("new"), ":one": .n("1"), ":half": .n("0.5"),
        ":big": .n("9.9999999999999999999999999999999999999E+125"),
        ":l": .l([.s("y")]), ":ss": .ss(["b", "c"]), ":ns": .ns(["2.5", "7"]), ":bs": .bs([Data([2]), Data([3])]),
        ":s": .s("text"), ":ssa": .ss(["a"]), ":ssall": .ss(["a", "b"]),
    ]

    static let item: Item = [
        "pk": .s("k"), "n": .n("10"), "s": .s("old"), "ss": .ss(["a", "b"]), "ns": .ns(["1", "2.5"]),
        "bs": .bs([Data([1]), Data([2])]), "l": .l([.s("x"), .n("2"), .s("z")]), "m": .m(["a": .n("1")]),
    ]

    static func run(_ source: String, on item: Item? = item, names: [String: String]? = nil) throws -> UpdateResult {
        try update(source, names: names, values: values).apply(to: item, keyAttributes: ["pk"])
    }

    @Test(
        "each action, applied to the item as it was",
        arguments: [
            ("SET s = :v", ["s": AttributeValue.s("new")]),
            ("SET newAttr = s", ["newAttr": .s("old")]),
            ("SET n = n + :one", ["n": .n("11")]),
            ("SET n = n - :half", ["n": .n("9.5")]),
            ("SET n = :one - n", ["n": .n("-9")]),
            ("SET c = if_not_exists(c, :one)", ["c": .n("1")]),
            ("SET n = if_not_exists(n, :one)", ["n": .n("10")]),
            ("SET c = if_not_exists(c, :one) + :one", ["c": .n("2")]),
            ("SET l = list_append(l, :l)", ["l": .l([.s("x"), .n("2"), .s("z"), .s("y")])]),
            ("SET l = list_append(:l, l)", ["l": .l([.s("y"), .s("x"), .n("2"), .s("z")])]),
            ("SET m.b = :v", ["m": .m(["a": .n("1"), "b": .s("new")])]),
            ("SET m.a = m.a + :one", ["m": .m(["a": .n("2")])]),
            ("SET l[1] = :v", ["l": .l([.s("x"), .s("new"), .s("z")])]),
            ("SET l[10] = :v", ["l": .l([.s("x"), .n("2"), .s("z"), .s("new")])]),
            ("SET s = n, n = s", ["s": .n("10"), "n": .s("old")]),
            ("SET #name = :v", ["name": .s("new")]),
            ("REMOVE s", ["s": nil]),
            ("REMOVE gone", [:]),
            ("REMOVE l[1]", ["l": .l([.s("x"), .s("z")])]),
            ("REMOVE l[0], l[2]", ["l": .l([.n("2")])]),
            ("REMOVE l[2], l[0]", ["l": .l([.n("2")])]),
            ("REMOVE l[7]", [:]),
            ("REMOVE m.a", ["m": .m([:])]),
            ("ADD n :one", ["n": .n("11")]),
            ("ADD fresh :one", ["fresh": .n("1")]),
            ("ADD ss :ss", ["ss": .ss(["a", "b", "c"])]),
            ("ADD ns :ns", ["ns": .ns(["1", "2.5", "7"])]),
            ("ADD bs :bs", ["bs": .bs([Data([1]), Data([2]), Data([3])])]),
            ("ADD freshSet :ss", ["freshSet": .ss(["b", "c"])]),
            ("ADD m.c :one", ["m": .m(["a": .n("1"), "c": .n("1")])]),
            ("DELETE ss :ssa", ["ss": .ss(["b"])]),
            ("DELETE ss :ssall", ["ss": nil]),
            ("DELETE ns :ns", ["ns": .ns(["1"])]),
            ("DELETE gone :ss", [:]),
            (
                "set s = :v remove n add ss :ss delete ns :ns",
                [
                    "s": .s("new"), "n": nil, "ss": .ss(["a", "b", "c"]), "ns": .ns(["1"]),
                ]
            ),
        ] as [(String, [String: AttributeValue?])])
    func actions(source: String, changes: [String: AttributeValue?]) throws {
        let result = try Self.run(source, names: source.contains("#name") ? ["#name": "name"] : nil)
        var expected = Self.item
        for (name, value) in changes { expected[name] = value }
        #expect(result.item == expected)
    }

    @Test("the touched paths and top-level attributes are reported")
    func updatedPaths() throws {
        let result = try Self.run("SET m.b = :v, s = :v REMOVE l[1] ADD n :one")
        #expect(
            result.updatedPaths == [
                DocumentPath("m", "b"), DocumentPath("s"), DocumentPath([.key("l"), .index(1)]), DocumentPath("n"),
            ])
        #expect(result.updatedAttributes == ["m", "s", "l", "n"])
        #expect(
            ProjectionExpression(paths: result.updatedPaths).apply(to: result.item) == [
                "m": .m(["b": .s("new")]), "s": .s("new"), "l": .l([.s("z")]), "n": .n("11"),
            ])
    }

    @Test("an absent item starts with no attributes; removing nested paths from it is ignored")
    func absentItem() throws {
        let result = try Self.run("SET a = :v ADD c :one, tags :ss REMOVE x.y, z[0]", on: nil)
        #expect(result.item == ["a": .s("new"), "c": .n("1"), "tags": .ss(["b", "c"])])
        #expect(throws: ExpressionError.invalidDocumentPathForTests) { try Self.run("SET x.y = :v", on: nil) }
    }

    @Test("elements set past the end of a list are appended in index order")
    func appendInIndexOrder() throws {
        let values: [String: AttributeValue] = [":a1": .s("a1"), ":a2": .s("a2"), ":a3": .s("a3"), ":a4": .s("a4")]
        let parsed = try update("SET l[84] = :a1, l[37] = :a2, l[17] = :a3, l[50] = :a4", values: values)
        let result = try parsed.apply(to: ["l": .l([.s("one")])], keyAttributes: [])
        #expect(result.item == ["l": .l([.s("one"), .s("a3"), .s("a2"), .s("a4"), .s("a1")])])
    }

    @Test("a list index refers to the list before the update, whatever the clause order")
    func originalIndexes() throws {
        let item: Item = ["a": .l([.n("2"), .n("3"), .n("4"), .n("5"), .n("6"), .n("7")])]
        let expected: Item = ["a": .l([.n("2"), .n("4"), .n("17"), .n("6"), .n("7")])]
        for source in ["REMOVE a[1] SET a[3] = :v", "SET a[3] = :v REMOVE a[1]"] {
            let parsed = try update(source, values: [":v": .n("17")])
            #expect(try parsed.apply(to: item, keyAttributes: []).item == expected)
        }
    }

    @Test(
        "errors found while applying",
        arguments: [
            (
                "SET pk = :v",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"
            ),
            (
                "REMOVE pk",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"
            ),
            ("SET a = gone", "The provided expression refers to an attribute that does not exist in the item"),
            ("SET a = gone + :one", "The provided expression refers to an attribute that does not exist in the item"),
            (
                "SET l = list_append(gone, :l)",
                "The provided expression refers to an attribute that does not exist in the item"
            ),
            ("SET n = s + :one", "An operand in the update expression has an incorrect data type"),
            ("SET l = list_append(s, :l)", "An operand in the update expression has an incorrect data type"),
            ("ADD s :one", "An operand in the update expression has an incorrect data type"),
            ("ADD ss :ns", "An operand in the update expression has an incorrect data type"),
            ("DELETE s :ss", "An operand in the update expression has an incorrect data type"),
            ("DELETE ns :ss", "An operand in the update expression has an incorrect data type"),
            ("SET nope.a = :v", "The document path provided in the update expression is invalid for update"),
            ("SET s.a = :v", "The document path provided in the update expression is invalid for update"),
            ("SET n[0] = :v", "The document path provided in the update expression is invalid for update"),
            ("SET l[5].a = :v", "The document path provided in the update expression is invalid for update"),
            ("REMOVE nope.a", "The document path provided in the update expression is invalid for update"),
            (
                "SET n = :big + :big",
                "Number overflow. Attempting to store a number with magnitude larger than supported range"
            ),
        ])
    func applyErrors(source: String, message: String) throws {
        let parsed = try update(source, values: Self.values)
        #expect(throws: ExpressionError(message: message, kind: .update)) {
            try parsed.apply(to: Self.item, keyAttributes: ["pk"])
        }
    }

    @Test("parsing keeps paths in order of appearance")
    func paths() throws {
        let parsed = try update("REMOVE a[1], b SET #c = :v", names: ["#c": "c"], values: Self.values)
        #expect(parsed.paths == [DocumentPath([.key("a"), .index(1)]), DocumentPath("b"), DocumentPath("c")])
    }
}

extension ExpressionError {
    static let invalidDocumentPathForTests = ExpressionError(
        message: "The document path provided in the update expression is invalid for update", kind: .update)
}
