import EventSourceMapping
import Testing

/// The lineage rule (issue 12 item 4): which shards a mapping reads now.
struct ShardLineageTests {
    /// root → a (closed) → b (open), and a second branch: root → c (open).
    static let shards = [
        ShardInfo(id: "root", parentID: nil, isClosed: true),
        ShardInfo(id: "a", parentID: "root", isClosed: true),
        ShardInfo(id: "b", parentID: "a", isClosed: false),
        ShardInfo(id: "c", parentID: "root", isClosed: false),
    ]

    @Test("TRIM_HORIZON's first start reads the roots only")
    func trimHorizonStartsAtRoots() {
        let plan = ShardLineage.plan(shards: Self.shards, finished: [], started: [], startingPosition: .trimHorizon)
        #expect(plan == ShardLineage.Plan(read: ["root"], skip: [], usesStartingPosition: true))
    }

    @Test("LATEST's first start reads the open shards and skips the closed ones")
    func latestStartsAtOpenShards() {
        let plan = ShardLineage.plan(shards: Self.shards, finished: [], started: [], startingPosition: .latest)
        #expect(plan == ShardLineage.Plan(read: ["b", "c"], skip: ["root", "a"], usesStartingPosition: true))
    }

    @Test("a finished parent makes its children ready, read from their beginning; siblings run together")
    func childrenAfterParent() {
        let plan = ShardLineage.plan(
            shards: Self.shards, finished: ["root"], started: ["root"], startingPosition: .latest)
        #expect(plan == ShardLineage.Plan(read: ["a", "c"], skip: [], usesStartingPosition: false))
    }

    @Test("a child waits while its parent is unfinished, even when the child already has a checkpoint")
    func childWaitsForParent() {
        let plan = ShardLineage.plan(
            shards: Self.shards, finished: ["root"], started: ["a", "b"], startingPosition: .trimHorizon)
        #expect(plan.read == ["a", "c"])
    }

    @Test("a shard whose parent is no longer listed (trimmed) is ready")
    func trimmedParent() {
        let shards = [ShardInfo(id: "b", parentID: "a", isClosed: true), ShardInfo(id: "c", parentID: "b", isClosed: false)]
        let plan = ShardLineage.plan(shards: shards, finished: [], started: [], startingPosition: .trimHorizon)
        #expect(plan.read == ["b"])
    }

    @Test("a restart reads neither finished shards nor their finished ancestors again")
    func restartSkipsFinished() {
        let plan = ShardLineage.plan(
            shards: Self.shards, finished: ["root", "a", "c"], started: ["b"], startingPosition: .trimHorizon)
        #expect(plan == ShardLineage.Plan(read: ["b"], skip: [], usesStartingPosition: false))
        let done = ShardLineage.plan(
            shards: Self.shards, finished: ["root", "a", "b", "c"], started: [], startingPosition: .latest)
        #expect(done.read.isEmpty && done.skip.isEmpty)
    }
}
