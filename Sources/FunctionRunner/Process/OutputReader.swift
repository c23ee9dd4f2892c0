import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Reads a child's stdout and stderr line by line on its own thread, and can drain what is buffered on demand.
///
/// Draining matters because Lambda attributes a log line to the invocation during which it was written: before the
/// emulator prints `END`, it takes whatever the function wrote before calling `/next`, even if the reader thread has
/// not been scheduled yet. Both the thread and ``drain()`` read non-blocking under one lock, so bytes are never read
/// twice or out of order.
final class OutputReader: Sendable {
    private struct Stream {
        var fd: Int32
        var pending: [UInt8] = []
        var open = true
    }

    private let state: Mutex<[Stream]>
    private let onLine: @Sendable (String) -> Void

    /// Starts reading `descriptors` (non-blocking read ends of pipes); `onLine` gets each complete line.
    init(descriptors: [Int32], onLine: @escaping @Sendable (String) -> Void) {
        for fd in descriptors { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        self.state = Mutex(descriptors.map { Stream(fd: $0) })
        self.onLine = onLine
        let thread = Thread { [self] in self.run() }
        thread.name = "lambda-local output"
        thread.start()
    }

    /// Reads everything available now, and emits any partial last line.
    func drain() {
        let lines = state.withLock { streams in
            var lines: [String] = []
            for index in streams.indices {
                Self.readAvailable(&streams[index], into: &lines)
                if !streams[index].pending.isEmpty {
                    lines.append(String(decoding: streams[index].pending, as: UTF8.self))
                    streams[index].pending.removeAll()
                }
            }
            return lines
        }
        lines.forEach(onLine)
    }

    private func run() {
        while true {
            var pollSet = state.withLock { streams in
                streams.filter(\.open).map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            }
            if pollSet.isEmpty { break }
            let ready = poll(&pollSet, nfds_t(pollSet.count), -1)
            if ready < 0 && errno != EINTR { break }
            let lines = state.withLock { streams in
                var lines: [String] = []
                for index in streams.indices where streams[index].open {
                    Self.readAvailable(&streams[index], into: &lines)
                }
                return lines
            }
            lines.forEach(onLine)
        }
        let rest = state.withLock { streams in
            let lines = streams.filter { !$0.pending.isEmpty }.map { String(decoding: $0.pending, as: UTF8.self) }
            for index in streams.indices { close(streams[index].fd) }
            return lines
        }
        rest.forEach(onLine)
    }

    private static func readAvailable(_ stream: inout Stream, into lines: inout [String]) {
        guard stream.open else { return }
        // A scratch buffer that is neither zero-filled nor kept: this runs at every wake-up and every drain.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16_384) { buffer in
            while true {
                let count = read(stream.fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    stream.pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
                } else if count == 0 {
                    stream.open = false
                    return
                } else {
                    if errno == EINTR { continue }
                    if errno != EAGAIN && errno != EWOULDBLOCK { stream.open = false }
                    return
                }
            }
        }
        while let newline = stream.pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: stream.pending[..<newline], as: UTF8.self))
            stream.pending.removeSubrange(...newline)
        }
    }
}
