/// A running event source mapping on one shard (``LineageMapping`` runs one per shard of a stream): `ParallelizationFactor` lanes, each ordered per partition key.
public final class StreamMapping: Sendable {
    /// Which mapping this is.
    public let identity: MappingIdentity
    /// Its settings.
    public let settings: MappingSettings
    /// Its lanes.
    public let lanes: [ShardLane]
    let environment: MappingEnvironment
    let partitionKey: String?

    /// A mapping whose lanes split records by `partitionKey` (the table's hash key attribute, if known).
    public init(
        identity: MappingIdentity, settings: MappingSettings, partitionKey: String?, environment: MappingEnvironment
    ) {
        self.identity = identity
        self.settings = settings
        self.environment = environment
        self.partitionKey = partitionKey
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
    /// - Throws: the first lane error, the other lanes cancelled; ``ShardEnded`` once every lane has finished a
    ///   closed shard (a lane that gets there first waits for the others, so none is cut short).
    public func run(untilDrained: Bool = false) async throws {
        guard settings.enabled else { return }
        let layout = try await resumeLayout()
        let ended = try await withThrowingTaskGroup(of: ShardEnded?.self) { group in
            for lane in lanes {
                group.addTask {
                    do {
                        try await lane.run(untilDrained: untilDrained, after: layout)
                        return nil
                    } catch let end as ShardEnded {
                        return end
                    }
                }
            }
            var ended: ShardEnded?
            for try await end in group { ended = ended ?? end }
            return ended
        }
        if let ended { throw ended }
    }

    /// The shard's lanes.
    public var shard: ShardKey {
        ShardKey(mappingUUID: identity.uuid, streamARN: streamARN, shardID: environment.source.shardID)
    }

    /// Brings the stored checkpoints to this mapping's lane count (see ``LayoutChange``) and returns the layout the
    /// lanes run under.
    func resumeLayout() async throws -> LaneLayout {
        let store = environment.checkpoints
        let change = LayoutChange.resuming(
            stored: try await store.layout(of: shard), checkpoints: try await store.checkpoints(of: shard),
            laneCount: lanes.count, batchSize: settings.batchSize)
        if change.changesStore { try await store.save(change.layout, checkpoints: change.checkpoints, of: shard) }
        return change.layout
    }

    /// The lanes' statistics added up.
    public var statistics: LaneStatistics {
        lanes.map(\.statistics).reduce(LaneStatistics()) { $0.merged(with: $1) }
    }

    /// The mapping's state for `lambda-local status`; asks the source how far behind each lane is.
    public func status() async -> MappingStatus {
        MappingStatus(
            identity: identity, eventSourceARN: streamARN, settings: settings, statistics: statistics,
            backlog: await backlog(), destination: environment.destination?.name, now: environment.now())
    }

    /// How far behind its furthest-behind lane is, when the source can tell.
    func backlog() async -> Backlog? {
        var behind: Backlog?
        for lane in lanes {
            let checkpoint = try? await environment.checkpoints.checkpoint(for: lane.key)
            guard let checkpoint, let backlog = try? await environment.source.backlog(after: checkpoint.position)
            else { continue }
            behind = behind.map { $0.widened(by: backlog) } ?? backlog
        }
        return behind
    }
}
