/// A shard of a stream as lineage sees it: its id, its parent's and whether it is closed (it will get no more
/// records; once read to its end, its children follow).
public struct ShardInfo: Sendable, Hashable {
    /// The shard's ID.
    public var id: String
    /// The shard it was split from (`nil`: a first shard).
    public var parentID: String?
    /// Whether it has an `EndingSequenceNumber`.
    public var isClosed: Bool

    /// A shard from its parts.
    public init(id: String, parentID: String?, isClosed: Bool) {
        self.id = id
        self.parentID = parentID
        self.isClosed = isClosed
    }
}

/// Which shards of a stream a mapping reads now, as Lambda does (AWS's DynamoDB Streams and Lambda guides: "a
/// consumer must finish the parent before the child"; each shard has its own position).
///
/// A shard is ready when this mapping has not finished it and its parent is either not listed (trimmed after 24
/// hours) or finished. On the mapping's first start (no shard finished or started), `TRIM_HORIZON` starts at the
/// roots (the ready shards), and `LATEST` at the open shards (the newest of each branch), the closed ones being
/// skipped — recorded as finished so a restart does not read them.
public enum ShardLineage {
    /// What to do with a stream's shards now.
    public struct Plan: Sendable, Hashable {
        /// The shards to read now, oldest first.
        public var read: [String]
        /// The shards to record as finished without reading them.
        public var skip: [String]
        /// Whether a lane without a checkpoint on the read shards starts at the mapping's `StartingPosition` (its
        /// first start); otherwise at the shard's beginning (`TRIM_HORIZON`), as a child shard is read.
        public var usesStartingPosition: Bool

        /// A plan from its parts.
        public init(read: [String], skip: [String] = [], usesStartingPosition: Bool = false) {
            self.read = read
            self.skip = skip
            self.usesStartingPosition = usesStartingPosition
        }
    }

    /// The plan for `shards` (oldest first) given the shards this mapping `finished` and those it `started` (holding
    /// a checkpoint).
    public static func plan(
        shards: [ShardInfo], finished: Set<String>, started: Set<String>,
        startingPosition: MappingSettings.StartingPosition
    ) -> Plan {
        let firstStart = finished.isEmpty && started.isEmpty
        if firstStart, startingPosition == .latest {
            return Plan(
                read: shards.filter { !$0.isClosed }.map(\.id), skip: shards.filter(\.isClosed).map(\.id),
                usesStartingPosition: true)
        }
        let listed = Set(shards.map(\.id))
        let ready = shards.filter { shard in
            guard !finished.contains(shard.id) else { return false }
            guard let parent = shard.parentID else { return true }
            return !listed.contains(parent) || finished.contains(parent)
        }
        return Plan(read: ready.map(\.id), usesStartingPosition: firstStart)
    }
}
