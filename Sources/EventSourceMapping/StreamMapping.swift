/// A running event source mapping on one shard: `ParallelizationFactor` lanes, each ordered per partition key.
public final class StreamMapping: Sendable {
    /// Which mapping this is.
    public let identity: MappingIdentity
    /// Its settings.
    public let settings: MappingSettings
    /// Its lanes.
    public let lanes: [ShardLane]
    let environment: MappingEnvironment

    /// A mapping whose lanes split records by `partitionKey` (the table's hash key attribute, if known).
    public init(
        identity: MappingIdentity, settings: MappingSettings, partitionKey: String?, environment: MappingEnvironment
    ) {
        self.identity = identity
        self.settings = settings
        self.environment = environment
        let count = max(settings.parallelizationFactor, 1)
        self.lanes = (0..<count).map { lane in
            ShardLane(
                identity: identity, settings: settings,
                selector: LaneSelector(lane: lane, laneCount: count, partitionKey: partitionKey),
                environment: environment)
        }
    }

    /// The stream read.
    public var streamARN: String { environment.source.streamARN }

    /// Runs every lane until cancelled (or, with `untilDrained`, until no record is left); a disabled mapping
    /// returns at once, keeping its checkpoints.
    ///
    /// - Throws: the first lane error; the other lanes are cancelled.
    public func run(untilDrained: Bool = false) async throws {
        guard settings.enabled else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in lanes {
                group.addTask { try await lane.run(untilDrained: untilDrained) }
            }
            try await group.waitForAll()
        }
    }

    /// The lanes' statistics added up.
    public var statistics: LaneStatistics {
        lanes.map(\.statistics).reduce(LaneStatistics()) { $0.merged(with: $1) }
    }

    /// The mapping's state for `lambda-local status`; asks the source how far behind each lane is.
    public func status() async -> MappingStatus {
        var behind: Backlog?
        for lane in lanes {
            let checkpoint = try? await environment.checkpoints.checkpoint(for: lane.key)
            guard let checkpoint, let backlog = try? await environment.source.backlog(after: checkpoint.position)
            else { continue }
            let oldest = [behind?.oldestRecordTime, backlog.oldestRecordTime].compactMap { $0 }.min()
            behind = Backlog(count: max(behind?.count ?? 0, backlog.count), oldestRecordTime: oldest)
        }
        return MappingStatus(
            identity: identity, eventSourceARN: streamARN, settings: settings, statistics: statistics,
            backlog: behind, destination: environment.destination?.name, now: environment.now())
    }
}
