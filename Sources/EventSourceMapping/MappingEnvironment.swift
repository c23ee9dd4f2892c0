#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a mapping's lanes work with: where records come from, the function, the checkpoints, the failure
/// destination, and how they tell time and report progress.
public struct MappingEnvironment: Sendable {
    /// The shard read.
    public var source: any StreamRecordSource
    /// The function invoked.
    public var invoker: any BatchInvoker
    /// Where lane positions are kept.
    public var checkpoints: any CheckpointStore
    /// Where lanes keep their open tumbling windows.
    public var windows: any TumblingWindowStore
    /// Where discarded batches go; `nil` drops them (after reporting), as Lambda does without `OnFailure`.
    public var destination: (any FailureDestination)?
    /// Waits between retries.
    public var retryPolicy: RetryPolicy
    /// Whether records older than the age limit are discarded (replays of old logs turn this off).
    public var enforcesRecordAge: Bool
    /// The wall clock (record ages, failure timestamps).
    public var now: @Sendable () -> Date
    /// Receives one report per batch step.
    public var observe: @Sendable (BatchReport) -> Void

    /// An environment; the clock defaults to the system's, reports are dropped unless `observe` is given.
    public init(
        source: any StreamRecordSource, invoker: any BatchInvoker, checkpoints: any CheckpointStore,
        destination: (any FailureDestination)?, retryPolicy: RetryPolicy = .standard, enforcesRecordAge: Bool = true,
        now: @escaping @Sendable () -> Date = { Date() }, observe: @escaping @Sendable (BatchReport) -> Void = { _ in },
        windows: any TumblingWindowStore = InMemoryTumblingWindowStore()
    ) {
        self.windows = windows
        self.source = source
        self.invoker = invoker
        self.checkpoints = checkpoints
        self.destination = destination
        self.retryPolicy = retryPolicy
        self.enforcesRecordAge = enforcesRecordAge
        self.now = now
        self.observe = observe
    }
}
