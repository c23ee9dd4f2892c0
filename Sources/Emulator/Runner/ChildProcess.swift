import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A function's running process: started with a clean environment, its output read line by line, its exit reported.
final class ChildProcess: Sendable {
    /// The process ID.
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { finished in
            switch finished.terminationReason {
            case .exit: onExit(.exited(finished.terminationStatus))
            case .uncaughtSignal: onExit(.signaled(finished.terminationStatus))
            @unknown default: onExit(.exited(finished.terminationStatus))
            }
        }
        do {
            try process.run()
        } catch {
            throw ChildProcessError(executable: executable, underlying: error)
        }
        // The reader owns duplicates of the read ends, so it can close them itself when the process is gone.
        let descriptors = [dup(stdout.fileHandleForReading.fileDescriptor), dup(stderr.fileHandleForReading.fileDescriptor)]
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()
        let reader = OutputReader(descriptors: descriptors, onLine: onLine)
        return ChildProcess(pid: process.processIdentifier, output: reader)
    }

    /// Takes every line the process has written so far.
    func drainOutput() { output.drain() }

    /// Kills the process with SIGKILL, as Lambda does when an invocation times out or the environment shuts down.
    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// The process's peak resident set size in MB (`VmHWM`), what AWS reports as Max Memory Used.
    func peakMemoryMB() -> Int? {
        guard let status = ProcFile.read("/proc/\(pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { ($0 + 1023) / 1024 }
        }
        return nil
    }
}

/// A function's executable could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// The path that was to be executed.
    public let executable: String
    /// What the system said.
    public let underlying: any Error

    public var description: String { "cannot start \"\(executable)\": \(underlying.localizedDescription)" }
}

/// Reads small procfs files, which report a size of 0 and so must be read until end of file.
enum ProcFile {
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
