extension AttributeValue {
    /// Whether two values are the same to DynamoDB: numbers by value (`1.0` ≡ `1`), sets ignoring
    /// order, maps and lists element by element. A write that leaves every attribute equivalent
    /// changes nothing and produces no stream record.
    public func isEquivalent(to other: AttributeValue) -> Bool {
        switch (self, other) {
        case (.n(let a), .n(let b)): Self.numbersEqual(a, b)
        case (.ns(let a), .ns(let b)): Self.numberSet(a) == Self.numberSet(b)
        case (.ss(let a), .ss(let b)): Set(a) == Set(b)
        case (.bs(let a), .bs(let b)): Set(a) == Set(b)
        case (.m(let a), .m(let b)): a.isEquivalent(to: b)
        case (.l(let a), .l(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        default: self == other
        }
    }

    private static func numbersEqual(_ a: String, _ b: String) -> Bool {
        guard let left = try? DynamoDBNumber(a), let right = try? DynamoDBNumber(b) else { return a == b }
        return left == right
    }

    /// Normalised members; an invalid member stays as its text so it only matches itself.
    private static func numberSet(_ members: [String]) -> Set<String> {
        Set(members.map { (try? DynamoDBNumber($0))?.description ?? "invalid:" + $0 })
    }
}

extension Dictionary where Key == String, Value == AttributeValue {
    /// Whether two items have the same attribute names with equivalent values (see ``AttributeValue/isEquivalent(to:)``).
    public func isEquivalent(to other: Item) -> Bool {
        count == other.count && allSatisfy { name, value in other[name].map(value.isEquivalent) ?? false }
    }
}
