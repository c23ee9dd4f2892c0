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
        guard case .keys(let keys) = selection else { return result }
        for (name, child) in keys {
            if let value = item[name], let projected = child.extract(from: value) { result[name] = projected }
        }
        return result
    }
}

/// The tree of the projected paths, merged by common prefix.
private indirect enum Selection {
    case whole
    case keys([String: Selection])
    case indexes([Int: Selection])

    init(_ paths: [DocumentPath]) {
        self = .keys([:])
        for path in paths { insert(path.elements[...]) }
    }

    private mutating func insert(_ elements: ArraySlice<DocumentPath.Element>) {
        guard let first = elements.first else {
            self = .whole
            return
        }
        switch (self, first) {
        case (.whole, _):
            return
        case (.keys(var keys), .key(let key)):
            var child = keys[key] ?? Selection.empty(for: elements.dropFirst().first)
            child.insert(elements.dropFirst())
            keys[key] = child
            self = .keys(keys)
        case (.indexes(var indexes), .index(let index)):
            var child = indexes[index] ?? Selection.empty(for: elements.dropFirst().first)
            child.insert(elements.dropFirst())
            indexes[index] = child
            self = .indexes(indexes)
        default:
            return  // conflicting paths are rejected when parsed
        }
    }

    private static func empty(for next: DocumentPath.Element?) -> Selection {
        switch next {
        case .index?: .indexes([:])
        case .key?: .keys([:])
        case nil: .whole
        }
    }

    func extract(from value: AttributeValue) -> AttributeValue? {
        switch (self, value) {
        case (.whole, _):
            return value
        case (.keys(let keys), .m(let map)):
            var out: [String: AttributeValue] = [:]
            for (key, child) in keys {
                if let inner = map[key], let projected = child.extract(from: inner) { out[key] = projected }
            }
            return out.isEmpty ? nil : .m(out)
        case (.indexes(let indexes), .l(let list)):
            let picked = indexes.keys.sorted().filter { $0 < list.count }.compactMap {
                indexes[$0]?.extract(from: list[$0])
            }
            return picked.isEmpty ? nil : .l(picked)
        default:
            return nil
        }
    }
}
