import Synchronization

/// A running event source mapping on a whole stream: each shard is read by its own ``StreamMapping`` (its lanes and
/// checkpoints), a child shard only once its parent is finished (``ShardLineage``), ready shards concurrently.
///
/// A shard whose lanes all read it to its end (it closed: rolled over, or its stream ended) is recorded as finished
/// in ``ShardProgressStore`` before its children start, so a restart neither reads it again nor skips them.
public final class LineageMapping: Sendable {
    /// Which mapping this is.
    public let identity: MappingIdentity
    /// Its settings.
    public let settings: MappingSettings
    /// The stream followed.
    public let stream: any ShardedStream
    let partitionKey: String?
    let environment: MappingEnvironment
    let progress: any ShardProgressStore
    private let state = Mutex(State())

    private struct State {
        /// The shards being read, by ID.
        var reading: [String: StreamMapping] = [:]
        /// What the lanes of finished shards did.
        var done = LaneStatistics()
        var problem: String?
    }

    /// A mapping following `stream`; `environment`'s source is replaced by each shard's reader.
    public init(
        identity: MappingIdentity, settings: MappingSettings, partitionKey: String?, environment: MappingEnvironment,
        stream: any ShardedStream, progress: any ShardProgressStore
    ) {
        self.identity = identity
        self.settings = settings
        self.partitionKey = partitionKey
        self.environment = environment
        self.stream = stream
        self.progress = progress
    }

    /// The stream read.
    public var streamARN: String { stream.streamARN }

    /// Reads the stream's shards in lineage order until cancelled; a disabled mapping returns at once, keeping its
    /// checkpoints.
    ///
    /// - Throws: ``ShardEnded`` once the stream has ended and every shard of it is finished; the first error of a
    ///   shard's lanes, the stream or the progress store otherwise (the other shards' lanes cancelled).
    public func run() async throws {
        guard settings.enabled else { return }
        try await withThrowingTaskGroup(of: String?.self) { group in
            var running: Set<String> = []
            while !Task.isCancelled {
                let current = try await stream.shards()
                let plan = ShardLineage.plan(
                    shards: current.shards,
                    finished: try await progress.finishedShards(mappingUUID: identity.uuid, streamARN: streamARN),
                    started: try await progress.startedShards(mappingUUID: identity.uuid, streamARN: streamARN),
                    startingPosition: settings.startingPosition)
                for id in plan.skip { try await progress.markFinished(key(of: id)) }
                for id in plan.read where !running.contains(id) {
                    running.insert(id)
                    let mapping = shardMapping(
                        id, startingAt: plan.usesStartingPosition ? settings.startingPosition : .trimHorizon)
                    state.withLock { $0.reading[id] = mapping }
                    group.addTask {
                        do {
                            try await mapping.run()
                            return nil
                        } catch is ShardEnded {
                            return id
                        }
                    }
                }
                if running.isEmpty {
                    if current.ended {
                        throw ShardEnded(streamARN: streamARN, shardID: current.shards.last?.id ?? "none")
                    }
                    try await stream.waitForShards()
                    continue
                }
                guard let next = try await group.next() else { continue }
                guard let finished = next else {
                    // A shard's lanes returned without reaching its end: the mapping is being stopped.
                    group.cancelAll()
                    return
                }
                running.remove(finished)
                try await progress.markFinished(key(of: finished))
                state.withLock { state in
                    guard let mapping = state.reading.removeValue(forKey: finished) else { return }
                    state.done = state.done.merged(with: mapping.statistics)
                }
            }
        }
    }

    /// The same mapping following `stream` (its table's next stream) from its oldest records, as a mapping bound to
    /// a re-created table does.
    public func following(_ stream: any ShardedStream) -> LineageMapping {
        var settings = settings
        settings.startingPosition = .trimHorizon
        return LineageMapping(
            identity: identity, settings: settings, partitionKey: partitionKey, environment: environment,
            stream: stream, progress: progress)
    }

    /// Shows `problem` as the mapping's `LastProcessingResult` (`nil`: back to the lanes' own result).
    public func report(problem: String?) {
        state.withLock { $0.problem = problem }
    }

    /// The statistics of every lane of every shard read so far, added up.
    public var statistics: LaneStatistics {
        state.withLock { state in
            var sum = state.reading.values.map(\.statistics).reduce(state.done) { $0.merged(with: $1) }
            if let problem = state.problem { sum.lastProcessingResult = problem }
            return sum
        }
    }

    /// The mapping's state for `lambda-local status`: the lanes of the shards being read, and how far behind the
    /// furthest-behind lane is.
    public func status() async -> MappingStatus {
        let reading = state.withLock { Array($0.reading.values) }
        var behind: Backlog?
        for mapping in reading {
            guard let backlog = await mapping.backlog() else { continue }
            behind = behind.map { $0.widened(by: backlog) } ?? backlog
        }
        return MappingStatus(
            identity: identity, eventSourceARN: streamARN, settings: settings, statistics: statistics,
            backlog: behind, destination: environment.destination?.name, now: environment.now())
    }

    private func key(of shardID: String) -> ShardKey {
        ShardKey(mappingUUID: identity.uuid, streamARN: streamARN, shardID: shardID)
    }

    /// The mapping of one shard, whose lanes without a checkpoint start at `position`.
    private func shardMapping(_ shardID: String, startingAt position: MappingSettings.StartingPosition)
        -> StreamMapping
    {
        var settings = settings
        settings.startingPosition = position
        var environment = environment
        environment.source = stream.source(shardID: shardID)
        return StreamMapping(identity: identity, settings: settings, partitionKey: partitionKey, environment: environment)
    }
}
