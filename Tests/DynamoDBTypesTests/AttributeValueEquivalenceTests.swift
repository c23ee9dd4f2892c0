import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct AttributeValueEquivalenceTests {
    @Test(
        "equivalent values",
        arguments: [
            (AttributeValue.n("1.0"), AttributeValue.n("1")), (.n("1e2"), .n("100")),
            (.ns(["1", "2.50"]), .ns(["2.5", "1.0"])), (.ss(["a", "b"]), .ss(["b", "a"])),
            (.bs([Data([1]), Data([2])]), .bs([Data([2]), Data([1])])),
            (.m(["a": .n("1.0"), "b": .l([.n("2")])]), .m(["b": .l([.n("2.00")]), "a": .n("1")])),
            (.s("x"), .s("x")), (.null, .null), (.bool(true), .bool(true)),
        ])
    func equivalent(a: AttributeValue, b: AttributeValue) {
        #expect(a.isEquivalent(to: b))
        #expect(b.isEquivalent(to: a))
    }

    @Test(
        "different values",
        arguments: [
            (AttributeValue.n("1"), AttributeValue.n("1.1")), (.n("1"), .s("1")), (.ss(["a"]), .ss(["a", "b"])),
            (.l([.s("a"), .s("b")]), .l([.s("b"), .s("a")])), (.m(["a": .s("x")]), .m(["a": .s("x"), "b": .null])),
            (.m(["a": .s("x")]), .m(["b": .s("x")])), (.bool(true), .bool(false)), (.n("abc"), .n("abd")),
        ])
    func different(a: AttributeValue, b: AttributeValue) {
        #expect(!a.isEquivalent(to: b))
        #expect(!b.isEquivalent(to: a))
    }

    @Test("items compare attribute by attribute")
    func items() {
        let a: Item = ["Id": .n("101"), "tags": .ss(["x", "y"])]
        let b: Item = ["tags": .ss(["y", "x"]), "Id": .n("101.0")]
        #expect(a.isEquivalent(to: b))
        #expect(!a.isEquivalent(to: ["Id": .n("101")]))
    }
}
