/// The open window of a lane and the state the function last returned for it (the JSON text of `state`).
public struct TumblingWindowState: Sendable, Hashable {
    /// The window the state belongs to.
    public var window: TumblingWindow
    /// The JSON value of `state`, as the function returned it (`{}` when the window opens).
    public var state: [UInt8]

    /// A window's state.
    public init(window: TumblingWindow, state: [UInt8] = Array("{}".utf8)) {
        self.window = window
        self.state = state
    }

    /// Lambda's limit on a window's state per shard: a larger state terminates the window early.
    public static let maximumStateBytes = 1024 * 1024
}

/// Durable storage of each lane's open tumbling window, kept beside its checkpoint so a restart continues the
/// window with the state the function last returned.
public protocol TumblingWindowStore: Sendable {
    /// The lane's open window, `nil` when none is open.
    func openWindow(for lane: LaneKey) async throws -> TumblingWindowState?
    /// Stores the lane's open window durably, or forgets it (`nil`) once its final invocation succeeded.
    func save(_ window: TumblingWindowState?, for lane: LaneKey) async throws
}

/// Open windows in memory (tests, in-memory sessions, replays).
public actor InMemoryTumblingWindowStore: TumblingWindowStore {
    private var windows: [LaneKey: TumblingWindowState] = [:]

    /// An empty store.
    public init() {}

    public func openWindow(for lane: LaneKey) -> TumblingWindowState? { windows[lane] }

    public func save(_ window: TumblingWindowState?, for lane: LaneKey) { windows[lane] = window }
}
