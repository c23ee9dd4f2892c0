#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A mapping's state as `lambda-local status` shows it (and the emulator serves it as JSON).
public struct MappingStatus: Sendable, Hashable, Codable {
    public var uuid: String
    public var name: String
    public var functionARN: String
    public var eventSourceARN: String
    /// `Enabled` or `Disabled`.
    public var state: String
    public var startingPosition: String
    public var batchSize: Int
    public var parallelizationFactor: Int
    public var lastProcessingResult: String
    /// Records after the furthest-behind lane's checkpoint (`nil` when the source cannot tell).
    public var recordsBehind: Int?
    /// Age in seconds of the oldest record not yet processed.
    public var oldestRecordAgeSeconds: Int?
    public var invocations: Int
    public var retries: Int
    public var batches: Int
    public var recordsSucceeded: Int
    public var recordsFiltered: Int
    /// Records sent to the failure destination.
    public var failures: Int
    public var onFailureDestination: String?
    public var lastBatchAt: Date?

    /// The status of mapping `identity` from its settings, statistics and backlog.
    public init(
        identity: MappingIdentity, eventSourceARN: String, settings: MappingSettings, statistics: LaneStatistics,
        backlog: Backlog?, destination: String?, now: Date
    ) {
        uuid = identity.uuid
        name = identity.name
        functionARN = identity.functionARN
        self.eventSourceARN = eventSourceARN
        state = settings.enabled ? "Enabled" : "Disabled"
        startingPosition = settings.startingPosition.rawValue
        batchSize = settings.batchSize
        parallelizationFactor = settings.parallelizationFactor
        lastProcessingResult = statistics.lastProcessingResult
        recordsBehind = backlog?.count
        oldestRecordAgeSeconds = backlog?.oldestRecordTime.map { max(0, Int(now.timeIntervalSince($0))) }
        invocations = statistics.invocations
        retries = statistics.retries
        batches = statistics.batches
        recordsSucceeded = statistics.recordsSucceeded
        recordsFiltered = statistics.recordsFiltered
        failures = statistics.recordsDiscarded
        onFailureDestination = destination
        lastBatchAt = statistics.lastBatchAt
    }
}
