import CProcessSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A function's running process: started with a clean environment in a process group of its own, its output read
/// line by line, its exit reported.
///
/// The process is spawned with `posix_spawn` and reaped by a thread blocked in `wait4`, rather than through
/// Foundation's `Process`, whose termination handler on Linux does not fire for a killed shell runtime whose child
/// is still alive. Killing the whole group also stops what a runtime started, as tearing down a sandbox does.
final class ChildProcess: Sendable {
    /// The process ID (also its process group ID).
    let pid: Int32
    private let output: OutputReader

    private init(pid: Int32, output: OutputReader) {
        self.pid = pid
        self.output = output
    }

    /// Starts `executable` in `directory` with exactly `environment`.
    /// - Throws: `ChildProcessError` when the executable cannot be started.
    static func launch(
        executable: String, directory: String, environment: [String: String],
        onLine: @escaping @Sendable (String) -> Void,
        onExit: @escaping @Sendable (ProcessTermination) -> Void
    ) throws -> ChildProcess {
        var stdoutPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard cps_pipe_cloexec(&stdoutPipe) == 0, cps_pipe_cloexec(&stderrPipe) == 0 else {
            throw ChildProcessError(executable: executable, reason: String(cString: strerror(errno)))
        }
        let variables = environment.map { "\($0.key)=\($0.value)" }
        var spawned: pid_t = 0
        let status = withCStrings([executable]) { argv in
            withCStrings(variables) { envp in
                cps_spawn(executable, argv, envp, directory, -1, stdoutPipe[1], stderrPipe[1], &spawned)
            }
        }
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard status == 0 else {
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw ChildProcessError(executable: executable, reason: String(cString: strerror(status)))
        }
        let pid = spawned
        let reader = OutputReader(descriptors: [stdoutPipe[0], stderrPipe[0]], onLine: onLine)
        let child = ChildProcess(pid: pid, output: reader)
        let reaper = Thread {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            // The encoding of wait statuses, as the W* macros (unavailable in Swift) decode it.
            let signal = raw & 0x7f
            onExit(signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal))
        }
        reaper.name = "lambda-local reaper"
        reaper.start()
        return child
    }

    /// Takes every line the process has written so far.
    func drainOutput() { output.drain() }

    /// Kills the process and everything it started with SIGKILL, as Lambda does when an invocation times out or the
    /// environment shuts down.
    func kill() { _ = Glibc.kill(-pid, SIGKILL) }

    /// The process's peak resident set size in MB (`VmHWM`), what AWS reports as Max Memory Used.
    func peakMemoryMB() -> Int? {
        ProcFile.read("/proc/\(pid)/status").flatMap { ProcFile.kilobytes(of: "VmHWM:", in: $0) }.map { ($0 + 1023) / 1024 }
    }
}

/// A function's executable could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// The path that was to be executed.
    public let executable: String
    /// What the system said.
    public let reason: String

    public var description: String { "cannot start \"\(executable)\": \(reason)" }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid for the call.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// Reads small procfs files, which report a size of 0 and so must be read until end of file.
enum ProcFile {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8192)
        var length = 0
        while length < bytes.count {
            let count = bytes[length...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            length += count
        }
        return Array(bytes[0..<length])
    }

    /// The number after `field` (e.g. `VmHWM:`) in a `/proc/<pid>/status` text, in kB.
    static func kilobytes(of field: String, in status: [UInt8]) -> Int? {
        let key = Array(field.utf8)
        var index = 0
        while index + key.count <= status.count {
            let atLineStart = index == 0 || status[index - 1] == UInt8(ascii: "\n")
            if atLineStart && status[index..<index + key.count].elementsEqual(key) {
                var value = 0
                var position = index + key.count
                while position < status.count, status[position] == UInt8(ascii: " ") || status[position] == UInt8(ascii: "\t") {
                    position += 1
                }
                var sawDigit = false
                while position < status.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(status[position]) {
                    value = value * 10 + Int(status[position] - UInt8(ascii: "0"))
                    position += 1
                    sawDigit = true
                }
                return sawDigit ? value : nil
            }
            index += 1
        }
        return nil
    }
}
