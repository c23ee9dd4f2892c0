import Foundation
import Testing

@testable import Emulator

/// The inotify watcher behind `start --watch`.
struct FileWatcherTests {
    @Test("writes in a watched tree, also in a folder created after the start, arrive as batches", .timeLimit(.minutes(1)))
    func reportsChanges() async throws {
        let root = NSTemporaryDirectory() + "watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/Sources", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (batches, sink) = AsyncStream.makeStream(of: [String].self)
        let watcher = try FileWatcher(paths: [root]) { sink.yield($0) }
        defer { watcher.stop() }
        var iterator = batches.makeAsyncIterator()

        try "let x = 1\n".write(toFile: root + "/Sources/main.swift", atomically: false, encoding: .utf8)
        #expect(await iterator.next()?.contains(root + "/Sources/main.swift") == true)

        try FileManager.default.createDirectory(atPath: root + "/Sources/New", withIntermediateDirectories: true)
        _ = await iterator.next()
        try "let y = 2\n".write(toFile: root + "/Sources/New/file.swift", atomically: false, encoding: .utf8)
        #expect(await iterator.next()?.contains(root + "/Sources/New/file.swift") == true)
    }

    @Test("build folders and editors' scratch files are not reported", .timeLimit(.minutes(1)))
    func ignoresScratch() async throws {
        let root = NSTemporaryDirectory() + "watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.build", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (batches, sink) = AsyncStream.makeStream(of: [String].self)
        let watcher = try FileWatcher(paths: [root]) { sink.yield($0) }
        defer { watcher.stop() }
        var iterator = batches.makeAsyncIterator()
        try "x".write(toFile: root + "/.build/output.o", atomically: false, encoding: .utf8)
        try "x".write(toFile: root + "/.main.swift.swp", atomically: false, encoding: .utf8)
        try "x".write(toFile: root + "/main.swift~", atomically: false, encoding: .utf8)
        try "x".write(toFile: root + "/main.swift", atomically: false, encoding: .utf8)
        #expect(await iterator.next() == [root + "/main.swift"])
    }
}
