import DynamoDBTypes
import Testing

@testable import DynamoDBExpressions

/// The work behind a projection or an update grows linearly with the number of paths: 10,000 paths used to
/// take 19–26 s (pairwise overlap checks, and containers copied on every write). Each test runs 200,000 paths,
/// which the old quadratic code could not finish within the time limit, and the new code does in about a second.
@Suite(.timeLimit(.minutes(1)))
struct LinearCostTests {
    static let count = 200_000

    @Test("overlap and conflict checks over 200,000 paths")
    func distinctPaths() throws {
        let paths = (0..<Self.count).map { DocumentPath("m", "k\($0)") } + [DocumentPath("m", "k7", "deeper")]
        var resolver = Resolver(try ExpressionAttributes())
        resolver.checkDistinctPaths(paths)
        #expect(
            resolver.diagnostics.reason(in: Diagnostics.updateOrder)
                == "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [m, k7], path two: [m, k7, deeper]")
    }

    @Test("a projection of 200,000 paths")
    func projection() {
        let item = Item(uniqueKeysWithValues: (0..<Self.count).map { ("a\($0)", AttributeValue.n("\($0)")) })
        let paths = (0..<Self.count).map { DocumentPath("a\($0)") }
        #expect(ProjectionExpression(paths: paths).apply(to: item) == item)
    }

    @Test("an update of 200,000 nested paths writes in place")
    func update() throws {
        let actions = (0..<Self.count).map { UpdateAction.set(DocumentPath("m", "k\($0)"), .value(.n("\($0)"))) }
        let result = try UpdateExpression(actions: actions).apply(to: ["m": .m([:])], keyAttributes: [])
        guard case .m(let map)? = result.item["m"] else { Issue.record("m is not a map"); return }
        #expect(map.count == Self.count)
        #expect(map["k199999"] == .n("199999"))
    }

    @Test("the linear check reports the same first overlap and conflict as comparing every pair", arguments: 0..<40)
    func sameAsPairwise(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let paths = (0..<30).map { _ in Self.randomPath(&generator) }
        var resolver = Resolver(try ExpressionAttributes())
        resolver.checkDistinctPaths(paths)
        let expected = Self.pairwise(paths)
        #expect(resolver.diagnostics.reason(in: [.pathOverlap]) == (expected.overlap ?? expected.conflict))
        #expect(resolver.diagnostics.reason(in: [.pathConflict]) == (expected.conflict ?? expected.overlap))
    }

    /// Short paths over a tiny alphabet, so that overlaps and conflicts are frequent.
    static func randomPath(_ generator: inout SeededGenerator) -> DocumentPath {
        var elements: [DocumentPath.Element] = [.key(["a", "b"][Int(generator.next() % 2)])]
        for _ in 0..<Int(generator.next() % 3) {
            elements.append(generator.next() % 2 == 0 ? .key(["a", "b"][Int(generator.next() % 2)]) : .index(Int(generator.next() % 2)))
        }
        return DocumentPath(elements)
    }

    /// The reference: every pair in order, the first overlap and the first conflict.
    static func pairwise(_ paths: [DocumentPath]) -> (overlap: String?, conflict: String?) {
        var overlap: String?
        var conflict: String?
        for (offset, path) in paths.enumerated() {
            for earlier in paths[..<offset] {
                let pair = "must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)"
                var relation = "overlap"
                for (x, y) in zip(earlier.elements, path.elements) where x != y {
                    switch (x, y) {
                    case (.key, .index), (.index, .key): relation = "conflict"
                    default: relation = "independent"
                    }
                    break
                }
                if relation == "overlap", overlap == nil {
                    overlap = "Two document paths overlap with each other; \(pair)"
                }
                if relation == "conflict", conflict == nil {
                    conflict = "Two document paths conflict with each other; \(pair)"
                }
            }
        }
        return (overlap, conflict)
    }
}

/// A small deterministic generator (SplitMix64), so every run checks the same path sets.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
