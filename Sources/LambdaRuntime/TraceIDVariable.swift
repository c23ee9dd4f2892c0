#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sets `_X_AMZN_TRACE_ID` (or another variable) for each invocation without growing the heap.
///
/// glibc's `setenv` keeps every distinct value it was ever given, so that pointers returned by `getenv` never
/// dangle; with a new trace ID per invocation that loses about 150 bytes per invocation, for the life of the
/// process. This writes `NAME=value` into one of two buffers it owns and installs it with `putenv`, alternating, so
/// a value read by one invocation stays intact while the next one runs. Used by the runtime loop only, between
/// invocations, as `setenv` was.
final class TraceIDVariable {
    /// The smallest buffer: room for a trace header with `Root`, `Parent`, `Sampled` and `Lineage`.
    private static let minimumCapacity = 256

    private let name: String
    /// `NAME=` as bytes.
    private let prefix: [UInt8]
    private var buffers: [(pointer: UnsafeMutablePointer<CChar>, capacity: Int)] = []
    /// The buffer the next `set` writes into: never the one in the environment now.
    private var nextBuffer = 0
    /// Whether a buffer of ours is in the environment.
    private var installed = false

    /// Manages the variable `name`.
    init(name: String = RuntimeAPI.Environment.traceID) {
        self.name = name
        self.prefix = Array("\(name)=".utf8)
    }

    /// Sets the variable to `value`, or removes it for `nil`.
    func set(_ value: String?) {
        guard let value else {
            unsetenv(name)
            installed = false
            return
        }
        let needed = prefix.count + value.utf8.count + 1
        if nextBuffer == buffers.count {
            let capacity = max(needed, Self.minimumCapacity)
            buffers.append((UnsafeMutablePointer<CChar>.allocate(capacity: capacity), capacity))
        } else if buffers[nextBuffer].capacity < needed {
            // This buffer is not in the environment (the other one is, or none is): it can be replaced.
            buffers[nextBuffer].pointer.deallocate()
            buffers[nextBuffer] = (UnsafeMutablePointer<CChar>.allocate(capacity: needed), needed)
        }
        let pointer = buffers[nextBuffer].pointer
        var offset = 0
        for byte in prefix {
            pointer[offset] = CChar(bitPattern: byte)
            offset += 1
        }
        for byte in value.utf8 {
            pointer[offset] = CChar(bitPattern: byte)
            offset += 1
        }
        pointer[offset] = 0
        putenv(pointer)
        installed = true
        nextBuffer = 1 - nextBuffer
    }

    deinit {
        if installed, let current = getenv(name) {
            // Hand the current value to libc's own storage before freeing the buffer the environment points into.
            setenv(name, String(cString: current), 1)
        }
        for buffer in buffers {
            buffer.pointer.deallocate()
        }
    }
}
