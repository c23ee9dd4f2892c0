import DynamoDBExpressions
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// libFuzzer target: the expression parser, resolver and evaluator. The first byte picks the expression kind,
/// the rest is the expression (UTF-8, invalid bytes replaced). Any thrown ``ExpressionError`` is an answer; a crash,
/// a hang or a trap is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: count)
    let source = String(decoding: bytes.dropFirst(), as: UTF8.self)
    guard var attributes = try? ExpressionAttributes(names: FuzzInputs.names, values: FuzzInputs.values) else {
        fatalError("the fuzz target's own names and values are invalid")
    }
    switch bytes[0] % 5 {
    case 0, 1:
        let kind: ExpressionKind = bytes[0] % 5 == 0 ? .condition : .filter
        if let condition = try? ConditionExpression.parse(source, kind: kind, attributes: &attributes) {
            _ = condition.evaluate(FuzzInputs.item)
            _ = condition.evaluate(nil)
            _ = condition.documentPaths
        }
    case 2:
        if let update = try? UpdateExpression.parse(source, attributes: &attributes) {
            _ = try? update.apply(to: FuzzInputs.item, keyAttributes: ["pk"])
            _ = try? update.apply(to: nil, keyAttributes: ["pk"])
        }
    case 3:
        if let projection = try? ProjectionExpression.parse(source, attributes: &attributes) {
            _ = projection.apply(to: FuzzInputs.item)
        }
    default:
        _ = try? KeyCondition.parse(source, attributes: &attributes, keySchema: FuzzInputs.keySchema)
    }
    _ = try? attributes.checkAllUsed()
    return 0
}

/// The names, values and item every input is parsed and evaluated with.
enum FuzzInputs {
    static let names = ["#a": "a", "#b": "b", "#l": "l", "#m": "m", "#pk": "pk", "#sk": "sk"]
    static let values: [String: AttributeValue] = [
        ":s": .s("x"), ":n": .n("1"), ":big": .n("9.9999999999999999999999999999999999999E+125"), ":b": .b(Data([1, 2])),
        ":ss": .ss(["x", "y"]), ":ns": .ns(["1", "2"]), ":l": .l([.s("x"), .n("2")]), ":m": .m(["k": .s("v")]),
        ":t": .bool(true), ":null": .null, ":type": .s("S"), ":e": .s(""),
    ]
    static let item: Item = [
        "pk": .s("p"), "sk": .n("3"), "a": .s("xyz"), "b": .n("-2.5"), "l": .l([.n("1"), .l([.s("x")]), .m([:])]),
        "m": .m(["k": .s("v"), "n": .m(["deep": .ns(["1"])])]), "s": .ss(["x"]), "z": .null, "t": .bool(false),
    ]
    static let keySchema = KeySchema(partitionKey: .init(name: "pk", type: .string), sortKey: .init(name: "sk", type: .number))
}
