import CProcessSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A function's running process: started with a clean environment in a process group of its own, holding no
/// descriptor of the emulator but stdin (`/dev/null`), stdout and stderr (pipes, read line by line), and killed by the
/// kernel if the emulator dies, however it dies.
///
/// The process is spawned by a thread of its own that then waits for it: Linux sends the parent-death signal when the
/// *thread* that forked the child exits, so that thread must live exactly as long as the child. When the process ends,
/// the rest of its group (what a shell runtime started) is killed too, as tearing down a Lambda sandbox does.
final class ChildProcess: Sendable {
    /// The process ID (also its process group ID).
    let pid: Int32
    private let output: OutputReader
    /// Set once the process has exited, before it is reaped: signals go to the group only while its ID cannot have
    /// been reused.
    private let exited: Mutex<Bool>

    private init(pid: Int32, output: OutputReader) {
        self.pid = pid
        self.output = output
        self.exited = Mutex(false)
    }

    /// Starts `executable` in `directory` with exactly `environment`; `onExit` is called once it has ended and been
    /// reaped (and its group killed).
    /// - Throws: `ChildProcessError` when the executable cannot be started.
    static func launch(
        executable: String, directory: String, environment: [String: String], ledger: ProcessLedger?,
        onLine: @escaping @Sendable (String) -> Void,
        onExit: @escaping @Sendable (ProcessTermination) -> Void
    ) async throws(ChildProcessError) -> ChildProcess {
        var stdoutPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard cps_pipe_cloexec(&stdoutPipe) == 0 else { throw ChildProcessError(executable: executable, errno: errno) }
        guard cps_pipe_cloexec(&stderrPipe) == 0 else {
            let code = errno
            close(stdoutPipe[0])
            close(stdoutPipe[1])
            throw ChildProcessError(executable: executable, errno: code)
        }
        let writeEnds = (stdoutPipe[1], stderrPipe[1])
        let readEnds = (stdoutPipe[0], stderrPipe[0])
        let variables = environment.map { "\($0.key)=\($0.value)" }
        let started: Result<ChildProcess, ChildProcessError> = await withCheckedContinuation { continuation in
            let supervisor = Thread {
                var spawned: pid_t = 0
                let status = withCStrings([executable]) { argv in
                    withCStrings(variables) { envp in
                        cps_spawn_supervised(
                            executable, argv, envp, directory, -1, writeEnds.0, writeEnds.1, SIGKILL, &spawned)
                    }
                }
                close(writeEnds.0)
                close(writeEnds.1)
                guard status == 0 else {
                    close(readEnds.0)
                    close(readEnds.1)
                    continuation.resume(returning: .failure(ChildProcessError(executable: executable, errno: status)))
                    return
                }
                let reader = OutputReader(descriptors: [readEnds.0, readEnds.1], onLine: onLine)
                let child = ChildProcess(pid: spawned, output: reader)
                let record = ledger?.record(child.pid)
                continuation.resume(returning: .success(child))
                let termination = child.waitForExit()
                record?.remove()
                onExit(termination)
            }
            supervisor.name = "lambda-local supervisor"
            supervisor.start()
        }
        return try started.get()
    }

    /// Blocks until the process exits; then kills what is left of its group and reaps it.
    private func waitForExit() -> ProcessTermination {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        return exited.withLock { exited in
            exited = true
            // The exited leader still holds its ID, so the group ID cannot belong to anyone else yet.
            _ = Glibc.kill(-pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            // The encoding of wait statuses, as the W* macros (unavailable in Swift) decode it.
            let signal = raw & 0x7f
            return signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
        }
    }

    /// Takes every line the process has written so far.
    func drainOutput() { output.drain() }

    /// Kills the process and everything it started with SIGKILL, as Lambda does when an invocation times out or the
    /// environment is reset.
    func kill() { signalGroup(SIGKILL) }

    /// Asks the process and everything it started to stop (SIGTERM), as Lambda does at shutdown.
    func terminate() { signalGroup(SIGTERM) }

    private func signalGroup(_ signal: Int32) {
        exited.withLock { exited in
            if !exited { _ = Glibc.kill(-pid, signal) }
        }
    }

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

    init(executable: String, errno code: Int32) {
        self.executable = executable
        self.reason = String(cString: strerror(code))
    }

    public var description: String { "cannot start \"\(executable)\": \(reason)" }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid for the call.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
