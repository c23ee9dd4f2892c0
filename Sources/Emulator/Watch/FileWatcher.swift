import CProcessSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Watches files and directory trees with inotify (Linux) on a thread of its own, and reports the paths that changed
/// in batches: a batch closes once no event has come for ``quietPeriod`` (an editor's save or a build's writes arrive
/// as bursts). Directories created inside a watched tree are watched too; `.build*`, `.git`, `.lambda-local` and
/// `.swiftpm` folders are not.
final class FileWatcher: Sendable {
    /// How long a batch stays open after its last event.
    static let quietPeriod: Duration = .milliseconds(50)
    static let ignoredDirectories: Set<String> = [".git", ".lambda-local", ".swiftpm", "node_modules"]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)

    private struct State {
        var directories: [Int32: String] = [:]
        var stopped = false
    }

    private let descriptor: Int32
    private let wakeup: (read: Int32, write: Int32)
    private let state = Mutex(State())

    /// Starts watching `paths` (files, or directories with everything below them); `onChange` gets each batch of
    /// changed paths, on the watcher's thread.
    /// - Throws: ``FileWatcherError`` when inotify cannot be set up.
    init(paths: [String], onChange: @escaping @Sendable ([String]) -> Void) throws {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw FileWatcherError(path: "inotify", code: errno) }
        var pipeEnds: [Int32] = [0, 0]
        guard cps_pipe_cloexec(&pipeEnds) == 0 else {
            close(fd)
            throw FileWatcherError(path: "pipe", code: errno)
        }
        descriptor = fd
        wakeup = (pipeEnds[0], pipeEnds[1])
        for path in paths { addTree(path) }
        let thread = Thread { [self] in self.run(onChange) }
        thread.name = "lambda-local watcher"
        thread.start()
    }

    /// Stops watching; no batch is reported afterwards.
    func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { _ = write(wakeup.write, "x", 1) }
    }

    /// Watches `path`: a file through its directory, a directory with every directory below it.
    private func addTree(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            return addDirectory((path as NSString).deletingLastPathComponent)
        }
        addDirectory(path)
        guard let walker = FileManager.default.enumerator(atPath: path) else { return }
        while let relative = walker.nextObject() as? String {
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory else { continue }
            if Self.isIgnored((relative as NSString).lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            addDirectory(path + "/" + relative)
        }
    }

    private func addDirectory(_ directory: String) {
        let wd = inotify_add_watch(descriptor, directory, Self.mask)
        guard wd >= 0 else { return }
        state.withLock { $0.directories[wd] = directory }
    }

    /// Build folders and version control, and editors' scratch files (`.#x`, `x~`, `.x.swp`).
    private static func isIgnored(_ name: String) -> Bool {
        ignoredDirectories.contains(name) || name.hasPrefix(".build") || name.hasPrefix(".#") || name.hasSuffix("~")
            || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }

    private func run(_ onChange: @Sendable ([String]) -> Void) {
        defer {
            close(descriptor)
            close(wakeup.read)
            close(wakeup.write)
        }
        var batch: [String] = []
        var lastEvent = ContinuousClock.now
        while true {
            let timeout: Int32
            if batch.isEmpty {
                timeout = -1
            } else {
                let left = Self.quietPeriod - (ContinuousClock.now - lastEvent)
                timeout = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if state.withLock({ $0.stopped }) { return }
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let changed = readEvents()
                if !changed.isEmpty {
                    batch += changed
                    lastEvent = .now
                }
            }
            if !batch.isEmpty && ContinuousClock.now - lastEvent >= Self.quietPeriod {
                var seen = Set<String>()
                let unique = batch.filter { seen.insert($0).inserted }
                batch.removeAll()
                onChange(unique)
            }
        }
    }

    /// Reads the pending inotify events; returns the paths they name, and watches new directories.
    private func readEvents() -> [String] {
        var paths: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + nameLength, count)].prefix { $0 != 0 }
                offset = nameStart + nameLength
                guard let directory = state.withLock({ $0.directories[wd] }) else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if name.isEmpty || Self.isIgnored(name) { continue }
                let path = directory + "/" + name
                if eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addTree(path)
                }
                paths.append(path)
            }
        }
        return paths
    }
}

/// inotify could not be set up.
struct FileWatcherError: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "cannot watch \"\(path)\": \(String(cString: strerror(code)))" }
}
