import DynamoDBTypes

/// A parsed ProjectionExpression: the document paths to return from each item.
public struct ProjectionExpression: Sendable, Equatable {
    /// The paths, in the order written.
    public let paths: [DocumentPath]

    /// A projection of the given paths (for example the paths an update touched, for `UPDATED_NEW`);
    /// the paths must not overlap.
    public init(paths: [DocumentPath]) {
        self.paths = paths
    }

    /// The top-level attributes the projection reads.
    public var attributeNames: Set<String> { Set(paths.map(\.attributeName)) }

    /// Parses `source`, resolving and recording the request's names in `attributes`.
    /// - Throws: ``ExpressionError`` ("Invalid ProjectionExpression: …"), including overlapping paths
    ///   ("Two document paths overlap with each other; …").
    public static func parse(
        _ source: String, attributes: inout ExpressionAttributes
    ) throws(ExpressionError) -> ProjectionExpression {
        var parser = try Parser(source, kind: .projection)
        let syntax = try parser.parseProjection()
        var resolver = Resolver(attributes)
        let paths = syntax.map { resolver.path($0) }
        let resolved = paths.compactMap { $0 }
        if resolved.count == paths.count { resolver.checkDistinctPaths(resolved) }
        try resolver.check(.projection, order: Diagnostics.updateOrder)
        resolver.commit(to: &attributes)
        return ProjectionExpression(paths: resolved)
    }

    /// The parts of `item` the paths select, nested maps and lists kept in shape; list elements picked by
    /// index come back in index order, without gaps; paths that select nothing are left out.
    public func apply(to item: Item) -> Item {
        let selection = Selection(paths)
        var result: Item = [:]
        for (name, child) in selection.topLevel {
            if let value = item[name], let projected = selection.extract(child, from: value) {
                result[name] = projected
            }
        }
        return result
    }
}

/// The tree of the projected paths, merged by common prefix; built in time linear in the paths' total length
/// (the nodes live in one array, so adding a path copies nothing).
private struct Selection {
    private struct Node {
        /// A path ends here: the whole value is selected.
        var whole = false
        var keys: [String: Int] = [:]
        var indexes: [Int: Int] = [:]
    }

    private var nodes = [Node()]

    init(_ paths: [DocumentPath]) {
        for path in paths { insert(path) }
    }

    private mutating func insert(_ path: DocumentPath) {
        var current = 0
        for element in path.elements {
            if nodes[current].whole { return }
            let existing: Int?
            switch element {
            case .key(let key): existing = nodes[current].keys[key]
            case .index(let index): existing = nodes[current].indexes[index]
            }
            if let existing {
                current = existing
                continue
            }
            nodes.append(Node())
            switch element {
            case .key(let key): nodes[current].keys[key] = nodes.count - 1
            case .index(let index): nodes[current].indexes[index] = nodes.count - 1
            }
            current = nodes.count - 1
        }
        nodes[current].whole = true
    }

    /// The top-level attributes selected, with their nodes.
    var topLevel: [String: Int] { nodes[0].keys }

    /// The part of `value` the node selects; nil when it selects nothing.
    func extract(_ node: Int, from value: AttributeValue) -> AttributeValue? {
        let selection = nodes[node]
        if selection.whole { return value }
        switch value {
        case .m(let map) where !selection.keys.isEmpty:
            var out: [String: AttributeValue] = [:]
            for (key, child) in selection.keys {
                if let inner = map[key], let projected = extract(child, from: inner) { out[key] = projected }
            }
            return out.isEmpty ? nil : .m(out)
        case .l(let list) where !selection.indexes.isEmpty:
            let picked = selection.indexes.keys.sorted().filter { $0 < list.count }.compactMap { index in
                selection.indexes[index].flatMap { extract($0, from: list[index]) }
            }
            return picked.isEmpty ? nil : .l(picked)
        default:
            return nil
        }
    }
}
