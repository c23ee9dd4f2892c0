/// The overlap and conflict checks DynamoDB applies to the paths of a projection or an update.
extension Resolver {
    /// Records the first pair of paths that overlap (one is a prefix of the other) or conflict (one steps
    /// into a map where the other indexes a list): for each category, the first path (in order) that clashes
    /// with an earlier one, paired with the earliest path it clashes with.
    ///
    /// Linear in the total length of the paths: each path walks a trie of the paths before it.
    mutating func checkDistinctPaths(_ paths: [DocumentPath]) {
        var trie = PathTrie()
        for (offset, path) in paths.enumerated() {
            let clash = trie.insert(path, offset: offset)
            let pair = { (earlier: Int) in
                "must remove or rewrite one of these paths; path one: \(paths[earlier]), path two: \(path)"
            }
            if let earlier = clash.overlap {
                diagnostics.record(.pathOverlap, "Two document paths overlap with each other; \(pair(earlier))")
            }
            if let earlier = clash.conflict {
                diagnostics.record(.pathConflict, "Two document paths conflict with each other; \(pair(earlier))")
            }
        }
    }
}
