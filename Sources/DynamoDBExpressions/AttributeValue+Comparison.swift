import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DynamoDB's comparison semantics: numbers by value, strings by UTF-8 bytes, binaries by unsigned bytes;
/// values of different types are never equal and never ordered.
extension AttributeValue {
    enum Ordering {
        case less, equal, greater
    }

    /// The order of two scalars of the same type (S, N or B); nil for any other pair.
    func ordering(comparedTo other: AttributeValue) -> Ordering? {
        switch (self, other) {
        case (.s(let a), .s(let b)): Self.order(Array(a.utf8), Array(b.utf8))
        case (.b(let a), .b(let b)): Self.order(Array(a), Array(b))
        case (.n(let a), .n(let b)):
            if let x = try? DynamoDBNumber(a), let y = try? DynamoDBNumber(b) {
                x < y ? .less : (x == y ? .equal : .greater)
            } else {
                nil
            }
        default: nil
        }
    }

    /// Deep equality: same type, numbers by value, sets regardless of order, lists in order, maps by key.
    func isEqual(to other: AttributeValue) -> Bool {
        switch (self, other) {
        case (.n, .n): ordering(comparedTo: other) == .equal
        case (.ss(let a), .ss(let b)): Set(a) == Set(b)
        case (.bs(let a), .bs(let b)): Set(a) == Set(b)
        case (.ns(let a), .ns(let b)): Self.numberSet(a) == Self.numberSet(b)
        case (.l(let a), .l(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
        case (.m(let a), .m(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { value.isEqual(to: $0) } ?? false }
        default: self == other
        }
    }

    /// The value as DynamoDB shows it inside `AttributeValue: {S:a}` in messages.
    var scalarText: String {
        switch self {
        case .s(let text), .n(let text): text
        case .b(let data): data.base64EncodedString()
        case .bool(let flag): String(flag)
        case .null: "true"
        default: "…"
        }
    }

    static func numberSet(_ texts: [String]) -> Set<DynamoDBNumber>? {
        var numbers = Set<DynamoDBNumber>()
        for text in texts {
            guard let number = try? DynamoDBNumber(text) else { return nil }
            numbers.insert(number)
        }
        return numbers
    }

    private static func order(_ a: [UInt8], _ b: [UInt8]) -> Ordering {
        for (x, y) in zip(a, b) where x != y { return x < y ? .less : .greater }
        return a.count == b.count ? .equal : (a.count < b.count ? .less : .greater)
    }
}
