import Synchronization

/// Checkpoints kept in memory: for replays and `--in-memory` sessions, which end with the process anyway.
public final class InMemoryCheckpointStore: CheckpointStore, ShardProgressStore {
    private let state = Mutex<(checkpoints: [LaneKey: Checkpoint], layouts: [ShardKey: LaneLayout])>(([:], [:]))
    private let finished = Mutex<Set<ShardKey>>([])

    /// An empty store.
    public init() {}

    public func checkpoint(for lane: LaneKey) async throws -> Checkpoint? {
        state.withLock { $0.checkpoints[lane] }
    }

    public func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws {
        state.withLock { $0.checkpoints[lane] = checkpoint }
    }

    public func checkpoints(of shard: ShardKey) async throws -> [Int: Checkpoint] {
        state.withLock { Self.checkpoints(of: shard, in: $0.checkpoints) }
    }

    public func layout(of shard: ShardKey) async throws -> LaneLayout? {
        state.withLock { $0.layouts[shard] }
    }

    public func save(_ layout: LaneLayout, checkpoints: [Int: Checkpoint], of shard: ShardKey) async throws {
        state.withLock { state in
            state.layouts[shard] = layout
            Self.replace(&state.checkpoints, of: shard, laneCount: layout.laneCount, with: checkpoints)
        }
    }

    public func finishedShards(mappingUUID: String, streamARN: String) async throws -> Set<String> {
        finished.withLock { keys in
            Set(keys.filter { $0.mappingUUID == mappingUUID && $0.streamARN == streamARN }.map(\.shardID))
        }
    }

    public func startedShards(mappingUUID: String, streamARN: String) async throws -> Set<String> {
        state.withLock { state in
            Set(
                state.checkpoints.keys.filter { $0.mappingUUID == mappingUUID && $0.streamARN == streamARN }
                    .map(\.shardID))
        }
    }

    public func markFinished(_ shard: ShardKey) async throws {
        _ = finished.withLock { $0.insert(shard) }
    }

    /// `shard`'s entries of `all`, by lane number.
    public static func checkpoints(of shard: ShardKey, in all: [LaneKey: Checkpoint]) -> [Int: Checkpoint] {
        Dictionary(
            uniqueKeysWithValues: all.filter { shard.lane($0.key.lane) == $0.key }.map { ($0.key.lane, $0.value) })
    }

    /// Sets `shard`'s lanes in `all` to `checkpoints` and drops its lanes from `laneCount` on.
    public static func replace(
        _ all: inout [LaneKey: Checkpoint], of shard: ShardKey, laneCount: Int, with checkpoints: [Int: Checkpoint]
    ) {
        for key in all.keys where shard.lane(key.lane) == key && key.lane >= laneCount { all[key] = nil }
        for (lane, checkpoint) in checkpoints { all[shard.lane(lane)] = checkpoint }
    }
}
