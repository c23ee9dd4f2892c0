/// The parser's output before names and values are resolved: the tree keeps placeholders as written, so
/// the resolver can report DynamoDB's errors in DynamoDB's order.
enum Syntax {
    enum PathElement: Equatable {
        /// A bare word (checked against the reserved words).
        case word(String)
        /// A `#name` placeholder.
        case placeholder(String)
        case index(Int)
    }

    struct Path: Equatable {
        var elements: [PathElement]
        /// How many parentheses directly wrap the path.
        var parentheses = 0
    }

    indirect enum Operand: Equatable {
        case path(Path)
        case value(String, parentheses: Int)
        case function(name: String, arguments: [Operand], parentheses: Int)
        /// `left + right` / `left - right` (update expressions only).
        case arithmetic(Operand, String, Operand)

        var parentheses: Int {
            switch self {
            case .path(let path): path.parentheses
            case .value(_, let parentheses), .function(_, _, let parentheses): parentheses
            case .arithmetic: 0
            }
        }

        func wrapped() -> Operand {
            switch self {
            case .path(var path):
                path.parentheses += 1
                return .path(path)
            case .value(let name, let parentheses): return .value(name, parentheses: parentheses + 1)
            case .function(let name, let arguments, let parentheses):
                return .function(name: name, arguments: arguments, parentheses: parentheses + 1)
            case .arithmetic: return self
            }
        }
    }

    indirect enum Condition: Equatable {
        case comparison(Operand, String, Operand)
        case between(Operand, Operand, Operand)
        case membership(Operand, [Operand])
        /// A function used as a condition (`attribute_exists(a)`).
        case function(Operand)
        case and(Condition, Condition)
        case or(Condition, Condition)
        case not(Condition)
        /// A parenthesized condition.
        case parenthesized(Condition)
    }

    enum UpdateAction: Equatable {
        case set(Path, Operand)
        case remove(Path)
        case add(Path, String)
        case delete(Path, String)
    }
}
