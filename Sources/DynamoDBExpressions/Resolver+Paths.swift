/// The overlap and conflict checks DynamoDB applies to the paths of a projection or an update.
extension Resolver {
    /// Records the first pair of paths that overlap (one is a prefix of the other) or conflict (one steps
    /// into a map where the other indexes a list).
    mutating func checkDistinctPaths(_ paths: [DocumentPath]) {
        for (offset, path) in paths.enumerated() {
            for earlier in paths[..<offset] {
                let pair = "must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)"
                switch Self.relation(earlier, path) {
                case .overlap:
                    diagnostics.record(
                        .pathOverlap,
                        "Two document paths overlap with each other; \(pair)")
                case .conflict:
                    diagnostics.record(
                        .pathConflict,
                        "Two document paths conflict with each other; \(pair)")
                case .independent:
                    break
                }
            }
        }
    }

    private enum Relation { case overlap, conflict, independent }

    private static func relation(_ a: DocumentPath, _ b: DocumentPath) -> Relation {
        for (x, y) in zip(a.elements, b.elements) {
            switch (x, y) {
            case (.key, .index), (.index, .key): return .conflict
            default: if x != y { return .independent }
            }
        }
        return .overlap
    }
}
