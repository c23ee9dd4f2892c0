import DynamoDBTypes
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One lane of a mapping on one shard: reads records after its checkpoint, forms batches, invokes the function
/// synchronously and advances the checkpoint only past records that are done (streams-and-triggers.md §3.3).
///
/// The lane is blocked while its batch fails; records are delivered at least once (a batch in flight when the
/// emulator stops is delivered again after a restart, nothing else is).
public final class ShardLane: Sendable {
    /// The lane's checkpoint key.
    public let key: LaneKey
    let identity: MappingIdentity
    let settings: MappingSettings
    let selector: LaneSelector
    let environment: MappingEnvironment
    private let statisticsState = Mutex(LaneStatistics())

    /// A lane of mapping `identity` with `settings`, reading the records `selector` owns.
    public init(
        identity: MappingIdentity, settings: MappingSettings, selector: LaneSelector, environment: MappingEnvironment
    ) {
        self.identity = identity
        self.settings = settings
        self.selector = selector
        self.environment = environment
        self.key = LaneKey(
            mappingUUID: identity.uuid, streamARN: environment.source.streamARN,
            shardID: environment.source.shardID, lane: selector.lane)
    }

    /// What the lane has done so far.
    public var statistics: LaneStatistics { statisticsState.withLock { $0 } }

    func record(_ update: (inout LaneStatistics) -> Void) {
        statisticsState.withLock { update(&$0) }
    }

    /// Processes records until the task is cancelled (or, with `untilDrained`, until no record is left), skipping
    /// those the lanes of an earlier `layout` finished.
    ///
    /// - Throws: what the source, checkpoint store or failure destination throw; the checkpoint then still
    ///   points before the unfinished batch. ``ShardEnded`` once the shard is closed and read to its end, after the
    ///   final invocation of an open tumbling window (Lambda considers a window closed when its shard ends; the
    ///   child shards start their own windows).
    public func run(untilDrained: Bool = false, after layout: LaneLayout? = nil) async throws {
        var position = try await startingCheckpoint().position
        do {
            while !Task.isCancelled {
                guard
                    let next = try await nextBatchClosingWindows(
                        after: position, waiting: !untilDrained, skipping: layout)
                else { return }
                guard let (batch, consumed) = next else { continue }  // a tumbling window closed or ended
                if !batch.isEmpty {
                    record { $0.batches += 1 }
                    try await process(batch)
                }
                if let consumed, consumed != position {
                    position = consumed
                    try await save(.after(consumed))
                }
            }
        } catch let end as ShardEnded {
            if settings.tumblingWindowInSeconds > 0, let open = try await environment.windows.openWindow(for: key) {
                try await closeWindow(open, terminatedEarly: false)
            }
            throw end
        }
    }

    /// The stored checkpoint, or the starting position's (stored at once, so `LATEST` means the moment the mapping
    /// first ran, not each restart).
    func startingCheckpoint() async throws -> Checkpoint {
        if let stored = try await environment.checkpoints.checkpoint(for: key) {
            record { $0.checkpoint = stored.position?.description }
            return stored
        }
        let start: Checkpoint
        switch settings.startingPosition {
        case .trimHorizon: start = .beginning
        case .latest: start = try await environment.source.latestSequenceNumber().map { .after($0) } ?? .beginning
        }
        try await save(start)
        return start
    }

    func save(_ checkpoint: Checkpoint) async throws {
        // A batch's last record is saved as it is resolved; the read loop's save of the same position is skipped.
        if case .after(let position) = checkpoint, statistics.checkpoint == position.description { return }
        try await environment.checkpoints.save(checkpoint, for: key)
        record { $0.checkpoint = checkpoint.position?.description }
    }
}
