/// A resolved document path: a top-level attribute name followed by map keys and list indexes
/// (`a.b[2]` is `[.key("a"), .key("b"), .index(2)]`).
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Element: Sendable, Hashable {
        /// A map key (or the top-level attribute name).
        case key(String)
        /// A list index.
        case index(Int)
    }

    /// The steps; the first is always a `.key` (the top-level attribute).
    public let elements: [Element]

    /// A path from its steps; `elements` must start with a `.key`.
    public init(_ elements: [Element]) {
        precondition(
            elements.first.map { if case .key = $0 { true } else { false } } ?? false,
            "a document path starts with a key")
        self.elements = elements
    }

    /// A path of map keys only (`DocumentPath("a", "b")` is `a.b`).
    public init(_ first: String, _ rest: String...) {
        self.elements = [.key(first)] + rest.map { .key($0) }
    }

    /// The top-level attribute the path starts at.
    public var attributeName: String {
        guard case .key(let name) = elements[0] else { preconditionFailure("a document path starts with a key") }
        return name
    }

    /// DynamoDB's rendering in error messages: `[a, b, [2]]`.
    public var description: String {
        "["
            + elements.map {
                switch $0 {
                case .key(let name): name
                case .index(let index): "[\(index)]"
                }
            }.joined(separator: ", ") + "]"
    }
}
