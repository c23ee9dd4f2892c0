import DynamoDBTypes

/// The optional second half of a key condition: a range on the sort key.
public struct SortKeyCondition: Sendable, Equatable {
    /// The comparison, with its operands.
    public enum Comparison: Sendable, Equatable {
        case equal(AttributeValue)
        case less(AttributeValue)
        case lessOrEqual(AttributeValue)
        case greater(AttributeValue)
        case greaterOrEqual(AttributeValue)
        case between(AttributeValue, AttributeValue)
        case beginsWith(AttributeValue)

        var values: [AttributeValue] {
            switch self {
            case .equal(let v), .less(let v), .lessOrEqual(let v), .greater(let v), .greaterOrEqual(let v),
                .beginsWith(let v):
                [v]
            case .between(let low, let high): [low, high]
            }
        }
    }

    /// The sort key attribute's name.
    public let attributeName: String
    /// How the sort key is compared, with the operands (already flipped to `key <op> value`).
    public let comparison: Comparison

    /// A condition on the sort key `attributeName`.
    public init(attributeName: String, comparison: Comparison) {
        self.attributeName = attributeName
        self.comparison = comparison
    }

    /// Whether a sort key value satisfies the condition (numbers by value, strings and binaries by bytes).
    public func matches(_ value: AttributeValue?) -> Bool {
        guard let value else { return false }
        switch comparison {
        case .equal(let operand): return value.ordering(comparedTo: operand) == .equal
        case .less(let operand): return value.ordering(comparedTo: operand) == .less
        case .lessOrEqual(let operand): return [.less, .equal].contains(value.ordering(comparedTo: operand))
        case .greater(let operand): return value.ordering(comparedTo: operand) == .greater
        case .greaterOrEqual(let operand): return [.greater, .equal].contains(value.ordering(comparedTo: operand))
        case .between(let low, let high):
            guard let fromLow = value.ordering(comparedTo: low), let toHigh = value.ordering(comparedTo: high) else {
                return false
            }
            return fromLow != .less && toHigh != .greater
        case .beginsWith(let prefix):
            switch (value, prefix) {
            case (.s(let text), .s(let start)): return text.utf8.starts(with: start.utf8)
            case (.b(let data), .b(let start)): return data.starts(with: start)
            default: return false
            }
        }
    }
}
