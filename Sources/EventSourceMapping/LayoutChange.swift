import DynamoDBTypes

/// What a mapping starting on a shard does with the checkpoints found there (issue 12 item 1; AWS keeps one position
/// per shard and carries on from it whatever the `ParallelizationFactor`).
///
/// With the same number of lanes each lane keeps its checkpoint (records go to the same lanes, so a changed
/// `BatchSize` or filter replays and skips nothing). With a different number, every new lane starts at the lowest
/// old position, and the old lanes' positions are kept as an ``EarlierLanes`` so what they finished beyond that
/// point is skipped, not delivered again: nothing done is replayed, nothing is lost.
public struct LayoutChange: Sendable, Hashable {
    /// The layout to store.
    public var layout: LaneLayout
    /// The checkpoints to store for the new lanes (empty: keep what is stored).
    public var checkpoints: [Int: Checkpoint]
    /// Whether anything must be stored.
    public var changesStore: Bool

    /// The change for `laneCount` lanes of `batchSize` given the `stored` layout (`nil`: none stored, as before
    /// layouts were kept) and the shard's stored lane checkpoints by lane number.
    public static func resuming(
        stored: LaneLayout?, checkpoints: [Int: Checkpoint], laneCount: Int, batchSize: Int
    ) -> LayoutChange {
        let laneCount = max(laneCount, 1)
        guard let highestLane = checkpoints.keys.max() else {
            let layout = LaneLayout(laneCount: laneCount, batchSize: batchSize)
            return LayoutChange(layout: layout, checkpoints: [:], changesStore: stored != layout)
        }
        let oldCount = stored?.laneCount ?? highestLane + 1
        let oldPositions = (0..<oldCount).map { checkpoints[$0]?.position }
        if oldCount == laneCount {
            let start = oldPositions.contains(nil) ? nil : oldPositions.compactMap { $0 }.min()
            let layout = LaneLayout(
                laneCount: laneCount, batchSize: batchSize,
                earlier: pruned(stored?.earlier ?? [], startingAt: start))
            return LayoutChange(layout: layout, checkpoints: [:], changesStore: stored != layout)
        }
        let start = oldPositions.contains(nil) ? nil : oldPositions.compactMap { $0 }.min()
        let replaced = EarlierLanes(laneCount: oldCount, positions: oldPositions)
        let layout = LaneLayout(
            laneCount: laneCount, batchSize: batchSize,
            earlier: pruned([replaced] + (stored?.earlier ?? []), startingAt: start))
        let checkpoint: Checkpoint = start.map { .after($0) } ?? .beginning
        return LayoutChange(
            layout: layout, checkpoints: Dictionary(uniqueKeysWithValues: (0..<laneCount).map { ($0, checkpoint) }),
            changesStore: true)
    }

    /// `earlier` without the layouts every lane starting at `start` has passed already.
    static func pruned(_ earlier: [EarlierLanes], startingAt start: SequenceNumber?) -> [EarlierLanes] {
        earlier.filter { lanes in
            guard let furthest = lanes.furthest else { return false }
            guard let start else { return true }
            return furthest > start
        }
    }
}
