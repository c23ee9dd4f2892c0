import DynamoDBExpressions
import DynamoDBTypes
import Testing

struct ProjectionTests {
    @Test(
        "paths keep the item's shape",
        arguments: [
            ("s", ["s": .s("hello world")]),
            ("s, n", ["s": .s("hello world"), "n": .n("10")]),
            ("m.child.deep", ["m": .m(["child": .m(["deep": .n("3")])])]),
            ("m.child.deep, m.nums[1]", ["m": .m(["child": .m(["deep": .n("3")]), "nums": .l([.n("2")])])]),
            ("l[2].k, l[0]", ["l": .l([.s("x"), .m(["k": .s("v")])])]),
            ("l[1], l[9]", ["l": .l([.n("2")])]),
            ("gone, m.nope, m.child.nope, s.x, l.k", [:]),
            ("m.nums[0][0]", [:]),
            ("#n", ["n": .n("10")]),
        ] as [(String, Item)])
    func apply(source: String, expected: Item) throws {
        let names: [String: String]? = source.contains("#n") ? ["#n": "n"] : nil
        #expect(try projection(source, names: names).apply(to: sampleItem) == expected)
    }

    @Test("parsed paths, in order written")
    func paths() throws {
        let parsed = try projection("a.b[2], #c", names: ["#c": "status"])
        #expect(parsed.paths == [DocumentPath([.key("a"), .key("b"), .index(2)]), DocumentPath("status")])
        #expect(parsed.paths.map(\.description) == ["[a, b, [2]]", "[status]"])
        #expect(parsed.attributeNames == ["a", "status"])
    }

    @Test("a projection built from paths (for UPDATED_NEW)")
    func fromPaths() {
        let projected = ProjectionExpression(paths: [DocumentPath("m", "child")]).apply(to: sampleItem)
        #expect(projected == ["m": .m(["child": .m(["deep": .n("3")])])])
    }
}
