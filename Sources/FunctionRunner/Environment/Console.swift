import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where the emulator writes function logs and its own `START`/`END`/`REPORT` lines: whole lines, never interleaved.
public final class Console: Sendable {
    private let fd: Int32
    private let lock = Mutex(())

    /// A console writing to a file descriptor (standard error by default).
    public init(fileDescriptor: Int32 = 2) { self.fd = fileDescriptor }

    /// A console that discards everything (tests that only read ``InvocationResult/log``).
    public static let discarding = Console(fileDescriptor: -1)

    /// Writes one line.
    public func write(line: String) {
        write(lines: [line])
    }

    /// Writes lines with one system call, none interleaved with another writer's.
    public func write(lines: [String]) {
        guard fd >= 0 else { return }
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
