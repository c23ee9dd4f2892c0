import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The function processes an emulator has running, recorded under its state directory (`<state>/runtimes/`), so that
/// the next emulator on that state can kill any that outlived a crash of this one.
///
/// One empty file per process, named `<emulator pid>.<emulator start>.<runtime pid>.<runtime start>`: start times
/// (from `/proc/<pid>/stat`) tell a live process from a later one that reused its PID. A record is removed when its
/// process has been reaped. Records of a live emulator are left alone, so `invoke` beside a running `start` on the
/// same state kills nothing of `start`'s.
public struct ProcessLedger: Sendable {
    /// The folder of records.
    public let directory: String
    private let owner: (pid: Int32, startTime: UInt64)

    /// A ledger in `<stateDirectory>/runtimes`, created when missing.
    public init(stateDirectory: String) throws {
        directory = URL(fileURLWithPath: stateDirectory).appendingPathComponent("runtimes").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pid = getpid()
        owner = (pid, ProcFile.identity(of: pid)?.startTime ?? 0)
    }

    /// A record of a running process; ``remove()`` it once the process is reaped.
    struct Record: Sendable {
        let path: String
        func remove() { unlink(path) }
    }

    /// Records `pid` (a process group leader this emulator started).
    func record(_ pid: Int32) -> Record? {
        guard let identity = ProcFile.identity(of: pid) else { return nil }
        let path = "\(directory)/\(owner.pid).\(owner.startTime).\(pid).\(identity.startTime)"
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        close(fd)
        return Record(path: path)
    }

    /// Kills every recorded process group whose emulator is gone, and removes their records. Returns the process
    /// groups killed.
    @discardableResult
    public func killSurvivors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var killed: [Int32] = []
        for name in names {
            let parts = name.split(separator: ".")
            guard parts.count == 4, let ownerPID = Int32(parts[0]), let ownerStart = UInt64(parts[1]),
                let pid = Int32(parts[2]), let start = UInt64(parts[3])
            else { continue }
            if ownerPID == owner.pid && ownerStart == owner.startTime { continue }
            if let live = ProcFile.identity(of: ownerPID), live.startTime == ownerStart { continue }
            if Self.killGroup(leader: pid, startTime: start) { killed.append(pid) }
            unlink("\(directory)/\(name)")
        }
        return killed
    }

    /// Kills the group led by `leader` if the leader is still the recorded process, or, when the leader is gone, any
    /// process still in its group that started after it.
    private static func killGroup(leader: Int32, startTime: UInt64) -> Bool {
        if let live = ProcFile.identity(of: leader) {
            guard live.startTime == startTime else { return false }
            return kill(-leader, SIGKILL) == 0
        }
        var any = false
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let identity = ProcFile.identity(of: pid) else { continue }
            if identity.processGroup == leader && identity.startTime >= startTime {
                any = kill(pid, SIGKILL) == 0 || any
            }
        }
        return any
    }
}
