/// A compiled pattern field: either an object to descend into or a leaf's array of matchers.
///
/// Matching follows EventBridge: every field of an object must match (AND), a leaf matches when any
/// matcher accepts any of the document's leaf values there (OR), a document array offers each element,
/// and a field with no leaf value (absent, an object, or an array without leaves) matches only
/// `{"exists": false}`.
indirect enum PatternNode: Sendable, Hashable {
    case fields([String: PatternNode])
    case leaf([Matcher])

    /// Whether the document value found at this node's place (`nil` when absent) satisfies it.
    func matches(_ value: FilterDocument?) -> Bool {
        switch self {
        case .fields(let fields):
            switch value {
            case .object(let object)?:
                return fields.allSatisfy { key, node in node.matches(object[key]) }
            case .array(let elements)? where !elements.isEmpty:
                // An element must satisfy all fields on its own (EventBridge's array consistency).
                return elements.contains { matches($0) }
            default:
                return matchesAbsence
            }
        case .leaf(let matchers):
            guard let value, value.hasLeaf else { return matchers.contains(.exists(false)) }
            return matchers.contains { matcher in value.containsLeaf(where: matcher.matches(leaf:)) }
        }
    }

    /// Whether this node is satisfied where the document has nothing.
    var matchesAbsence: Bool {
        switch self {
        case .fields(let fields): fields.values.allSatisfy(\.matchesAbsence)
        case .leaf(let matchers): matchers.contains(.exists(false))
        }
    }
}

extension FilterDocument {
    /// Whether this is a leaf or an array holding one (at any depth); objects are never leaves.
    var hasLeaf: Bool {
        switch self {
        case .object: false
        case .array(let elements): elements.contains(where: \.hasLeaf)
        default: true
        }
    }

    /// Whether some leaf of this value (itself, or an array's elements at any depth) satisfies `predicate`.
    func containsLeaf(where predicate: (FilterDocument) -> Bool) -> Bool {
        switch self {
        case .object: false
        case .array(let elements): elements.contains { $0.containsLeaf(where: predicate) }
        default: predicate(self)
        }
    }
}
