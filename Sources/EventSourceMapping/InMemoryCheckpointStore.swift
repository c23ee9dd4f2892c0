import Synchronization

/// Checkpoints kept in memory: for replays and `--in-memory` sessions, which end with the process anyway.
public final class InMemoryCheckpointStore: CheckpointStore {
    private let checkpoints = Mutex<[LaneKey: Checkpoint]>([:])

    /// An empty store.
    public init() {}

    public func checkpoint(for lane: LaneKey) async throws -> Checkpoint? {
        checkpoints.withLock { $0[lane] }
    }

    public func save(_ checkpoint: Checkpoint, for lane: LaneKey) async throws {
        checkpoints.withLock { $0[lane] = checkpoint }
    }
}
