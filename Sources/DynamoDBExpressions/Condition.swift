import DynamoDBTypes

/// A resolved condition: every name and value substituted.
indirect enum Condition: Sendable, Equatable {
    enum Operand: Sendable, Equatable {
        case path(DocumentPath)
        case value(AttributeValue)
        indirect case size(Operand)
    }

    enum Comparator: String, Sendable {
        case equal = "="
        case notEqual = "<>"
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    case compare(Operand, Comparator, Operand)
    case between(Operand, Operand, Operand)
    case membership(Operand, [Operand])
    case attributeExists(DocumentPath)
    case attributeNotExists(DocumentPath)
    case attributeType(Operand, Operand)
    case beginsWith(Operand, Operand)
    case contains(Operand, Operand)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)

    /// Every document path the condition reads.
    var paths: [DocumentPath] {
        func of(_ operand: Operand) -> [DocumentPath] {
            switch operand {
            case .path(let path): [path]
            case .value: []
            case .size(let inner): of(inner)
            }
        }
        return switch self {
        case .compare(let left, _, let right): of(left) + of(right)
        case .between(let a, let b, let c): of(a) + of(b) + of(c)
        case .membership(let a, let list): of(a) + list.flatMap(of)
        case .attributeExists(let path), .attributeNotExists(let path): [path]
        case .attributeType(let a, let b), .beginsWith(let a, let b), .contains(let a, let b): of(a) + of(b)
        case .and(let a, let b), .or(let a, let b): a.paths + b.paths
        case .not(let a): a.paths
        }
    }
}
