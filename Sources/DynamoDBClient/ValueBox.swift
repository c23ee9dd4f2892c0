import DynamoDBTypes

/// A value under construction: keyed and unkeyed containers fill theirs in place as they are encoded.
final class ValueBox {
    enum Kind { case empty, value, map, list }

    private(set) var kind = Kind.empty
    private var value = AttributeValue.null
    private var map: [String: ValueBox] = [:]
    private var list: [ValueBox] = []

    /// Makes this box a finished value.
    func set(_ value: AttributeValue) {
        kind = .value
        self.value = value
    }

    /// Makes this box a map (keeping entries if it already is one).
    func becomeMap() {
        if kind != .map { kind = .map }
    }

    /// Makes this box a list (keeping elements if it already is one).
    func becomeList() {
        if kind != .list { kind = .list }
    }

    /// A new box for the entry `name` of this map.
    func entry(_ name: String) -> ValueBox {
        let child = ValueBox()
        map[name] = child
        return child
    }

    /// A new box appended to this list.
    func append() -> ValueBox {
        let child = ValueBox()
        list.append(child)
        return child
    }

    /// The number of list elements.
    var count: Int { list.count }

    /// The finished value; nil when nothing (or only a keyed `nil`) was encoded.
    func resolved() -> AttributeValue? {
        switch kind {
        case .empty: nil
        case .value: value
        case .map: .m(map.compactMapValues { $0.resolved() })
        case .list: .l(list.map { $0.resolved() ?? .null })
        }
    }
}
