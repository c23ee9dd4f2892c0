import Synchronization

/// Random bits for identifiers that must be unique, not unpredictable (stream records' eventIDs, request IDs):
/// SplitMix64 over one process-wide sequence seeded once from the system generator.
///
/// Foundation's `UUID()` opens and reads `/dev/urandom` on every call on Linux, and the system generator costs a
/// system call per draw; at one eventID per stream record both were a measurable share of a write's CPU.
public struct UniqueIDRandom: RandomNumberGenerator, Sendable {
    private static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let state: Mutex<UInt64> = {
        var system = SystemRandomNumberGenerator()
        return Mutex(system.next())
    }()

    /// A generator drawing from the process-wide sequence.
    public init() {}

    /// The next 64 bits.
    public mutating func next() -> UInt64 {
        var z = Self.state.withLock { state in
            state &+= Self.golden
            return state
        }
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
