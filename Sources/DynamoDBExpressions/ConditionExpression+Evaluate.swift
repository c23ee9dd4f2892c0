import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Evaluation as DynamoDB does it: a comparison whose operands are missing or of different types is false
/// (`<>` is then true), never an error.
extension ConditionExpression {
    /// Whether `item` satisfies the condition; a missing item (`nil`) has no attributes.
    public func evaluate(_ item: Item?) -> Bool {
        condition.evaluate(item ?? [:])
    }
}

extension Condition {
    func evaluate(_ item: Item) -> Bool {
        switch self {
        case .compare(let a, let comparator, let b):
            let (left, right) = (a.value(in: item), b.value(in: item))
            guard let left, let right else { return comparator == .notEqual }
            switch comparator {
            case .equal: return left.isEqual(to: right)
            case .notEqual: return !left.isEqual(to: right)
            case .less: return left.ordering(comparedTo: right) == .less
            case .lessOrEqual: return [.less, .equal].contains(left.ordering(comparedTo: right))
            case .greater: return left.ordering(comparedTo: right) == .greater
            case .greaterOrEqual: return [.greater, .equal].contains(left.ordering(comparedTo: right))
            }
        case .between(let a, let b, let c):
            guard let subject = a.value(in: item), let low = b.value(in: item), let high = c.value(in: item),
                let fromLow = subject.ordering(comparedTo: low), let toHigh = subject.ordering(comparedTo: high)
            else { return false }
            return fromLow != .less && toHigh != .greater
        case .membership(let a, let list):
            guard let subject = a.value(in: item) else { return false }
            return list.contains { $0.value(in: item).map(subject.isEqual(to:)) ?? false }
        case .attributeExists(let path):
            return item.value(at: path) != nil
        case .attributeNotExists(let path):
            return item.value(at: path) == nil
        case .attributeType(let a, let b):
            guard let subject = a.value(in: item), case .s(let type)? = b.value(in: item) else { return false }
            return subject.typeDescriptor == type
        case .beginsWith(let a, let b):
            switch (a.value(in: item), b.value(in: item)) {
            case (.s(let text)?, .s(let prefix)?): return text.utf8.starts(with: prefix.utf8)
            case (.b(let data)?, .b(let prefix)?): return data.starts(with: prefix)
            default: return false
            }
        case .contains(let a, let b):
            guard let container = a.value(in: item), let element = b.value(in: item) else { return false }
            return container.contains(element)
        case .and(let a, let b): return a.evaluate(item) && b.evaluate(item)
        case .or(let a, let b): return a.evaluate(item) || b.evaluate(item)
        case .not(let a): return !a.evaluate(item)
        }
    }
}

extension Condition.Operand {
    /// The operand's value for `item`; nil when a path is missing or `size` does not apply.
    func value(in item: Item) -> AttributeValue? {
        switch self {
        case .path(let path): item.value(at: path)
        case .value(let value): value
        case .size(let inner): inner.value(in: item)?.size.map { .n(String($0)) }
        }
    }
}

extension AttributeValue {
    /// What `size()` returns: bytes of a string (UTF-8) or binary, elements of a set, list or map.
    var size: Int? {
        switch self {
        case .s(let text): text.utf8.count
        case .b(let data): data.count
        case .ss(let values): values.count
        case .ns(let values): values.count
        case .bs(let values): values.count
        case .l(let values): values.count
        case .m(let values): values.count
        case .n, .bool, .null: nil
        }
    }

    /// `contains()`: a substring of a string, a byte run of a binary, a member of a set or an element of a list.
    func contains(_ element: AttributeValue) -> Bool {
        switch (self, element) {
        case (.s(let text), .s(let part)): Self.bytes(Array(text.utf8), contain: Array(part.utf8))
        case (.b(let data), .b(let part)): Self.bytes(Array(data), contain: Array(part))
        case (.ss(let set), .s(let member)): set.contains(member)
        case (.bs(let set), .b(let member)): set.contains(member)
        case (.ns(let set), .n(let member)): set.contains { AttributeValue.n($0).isEqual(to: .n(member)) }
        case (.l(let list), _): list.contains { $0.isEqual(to: element) }
        default: false
        }
    }

    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
