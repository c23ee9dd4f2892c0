import Foundation
import Synchronization
import Testing

@testable import Emulator
@testable import FunctionRunner

#if canImport(Glibc)
import Glibc
#endif

/// The ledger of function processes under a state directory: what a crashed emulator left running is killed by the
/// next one; what a live emulator runs is left alone.
struct ProcessLedgerTests {
    /// A process that sleeps for a minute, started the way the runner starts runtimes (its own process group);
    /// `exited` is called at its end.
    func startSleep(exited: @escaping @Sendable (ProcessTermination) -> Void) async throws -> ChildProcess {
        let script = NSTemporaryDirectory() + "sleeper-" + UUID().uuidString
        try "#!/bin/sh\nexec sleep 60\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        defer { unlink(script) }
        let process = try await ChildProcess.launch(
            executable: script, directory: "/", environment: ["PATH": "/usr/bin:/bin"], ledger: nil, onLine: { _ in },
            onExit: exited)
        // Wait until the script has become `sleep`, so the start time read below is the one it keeps.
        while (try? String(contentsOfFile: "/proc/\(process.pid)/comm", encoding: .utf8)) != "sleep\n" {
            try await Task.sleep(for: .milliseconds(5))
        }
        return process
    }

    func record(in ledger: ProcessLedger, owner: (pid: Int32, start: UInt64), process: ChildProcess) throws -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(process.pid)/stat", encoding: .utf8)) ?? "none"
        let identity = try #require(ProcFile.identity(of: process.pid), "stat: \(stat)")
        let path = "\(ledger.directory)/\(owner.pid).\(owner.start).\(process.pid).\(identity.startTime)"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        return path
    }

    @Test("a recorded runtime whose emulator is gone is killed, and its record removed", .timeLimit(.minutes(1)))
    func killsOrphans() async throws {
        let state = NSTemporaryDirectory() + "ledger-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let ledger = try ProcessLedger(stateDirectory: state)
        let (ended, endedContinuation) = AsyncStream.makeStream(of: ProcessTermination.self)
        let orphan = try await startSleep { endedContinuation.yield($0) }
        // An owner that no longer exists: PID 1's start time never matches a made-up one.
        let path = try record(in: ledger, owner: (1, 0), process: orphan)
        #expect(ledger.killSurvivors() == [orphan.pid])
        var iterator = ended.makeAsyncIterator()
        let termination = await iterator.next()
        #expect(termination == .signaled(SIGKILL), "ended with \(String(describing: termination))")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("runtimes of a live emulator (or of this one) are left alone", .timeLimit(.minutes(1)))
    func sparesLiveOwners() async throws {
        let state = NSTemporaryDirectory() + "ledger-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let ledger = try ProcessLedger(stateDirectory: state)
        let process = try await startSleep { _ in }
        defer { process.kill() }
        let parent = getppid()
        let parentStart = try #require(ProcFile.identity(of: parent)).startTime
        let self_ = try #require(ProcFile.identity(of: getpid())).startTime
        let byParent = try record(in: ledger, owner: (parent, parentStart), process: process)
        let bySelf = try record(in: ledger, owner: (getpid(), self_), process: process)
        #expect(ledger.killSurvivors().isEmpty)
        #expect(FileManager.default.fileExists(atPath: byParent) && FileManager.default.fileExists(atPath: bySelf))
        #expect(kill(process.pid, 0) == 0)
    }

    @Test("a record whose process ID now belongs to another process kills nothing")
    func reusedPID() throws {
        let state = NSTemporaryDirectory() + "ledger-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let ledger = try ProcessLedger(stateDirectory: state)
        // This test process, recorded with a start time it never had, under an owner that is gone.
        let path = "\(ledger.directory)/1.0.\(getpid()).1"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(ledger.killSurvivors().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
