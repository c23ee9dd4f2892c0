import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A generator whose `next()` returns 0x1111111111111111, 0x2222222222222222, … so eventIDs are predictable.
struct CountingGenerator: RandomNumberGenerator {
    private var state: UInt64 = 0

    mutating func next() -> UInt64 {
        state &+= 0x1111_1111_1111_1111
        return state
    }
}

/// Compact JSON in encode order.
func orderedJSON(_ value: some Encodable) throws -> String {
    try OrderedJSONEncoder().encodeToString(value)
}

/// Decodes `text` with Foundation's decoder.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// SAM's and the Lambda docs' sample key and items.
enum Samples {
    static let keys: Item = ["Id": .n("101")]
    static let inserted: Item = ["Message": .s("New item!"), "Id": .n("101")]
    static let changed: Item = ["Message": .s("This item has changed"), "Id": .n("101")]
}
