/// The paths seen so far, merged by common prefix; each node keeps the earliest paths that end at it, pass
/// through it, or continue from it with a map key or a list index.
struct PathTrie {
    private struct Node {
        var children: [DocumentPath.Element: Int] = [:]
        /// The earliest path that ends here.
        var ends: Int?
        /// The earliest path that ends here or below.
        var reaches: Int?
        /// The earliest path continuing from here with a map key / with a list index.
        var continuesWithKey: Int?
        var continuesWithIndex: Int?
    }

    private var nodes = [Node()]

    /// The earliest earlier paths that `path` overlaps and conflicts with.
    struct Clash {
        var overlap: Int?
        var conflict: Int?
    }

    /// Adds `path` (the `offset`-th path) and reports the earliest earlier paths it clashes with.
    mutating func insert(_ path: DocumentPath, offset: Int) -> Clash {
        var clash = Clash()
        var current = 0
        for element in path.elements {
            // An earlier path that ends here is a prefix of this one.
            clash.overlap = Self.earliest(clash.overlap, nodes[current].ends)
            // An earlier path that steps from here the other way (key versus index) conflicts.
            switch element {
            case .key: clash.conflict = Self.earliest(clash.conflict, nodes[current].continuesWithIndex)
            case .index: clash.conflict = Self.earliest(clash.conflict, nodes[current].continuesWithKey)
            }
            nodes[current].reaches = nodes[current].reaches ?? offset
            switch element {
            case .key: nodes[current].continuesWithKey = nodes[current].continuesWithKey ?? offset
            case .index: nodes[current].continuesWithIndex = nodes[current].continuesWithIndex ?? offset
            }
            if let child = nodes[current].children[element] {
                current = child
            } else {
                nodes.append(Node())
                nodes[current].children[element] = nodes.count - 1
                current = nodes.count - 1
            }
        }
        // An earlier path that ends here or below has this one as a prefix (or equals it).
        clash.overlap = Self.earliest(clash.overlap, nodes[current].reaches)
        nodes[current].reaches = nodes[current].reaches ?? offset
        nodes[current].ends = nodes[current].ends ?? offset
        return clash
    }

    private static func earliest(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }
}
