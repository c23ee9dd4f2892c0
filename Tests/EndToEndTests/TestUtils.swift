import CProcessSpawn
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Paths of the package, its fixtures and the binaries `swift build` put next to the test bundle.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtureTemplate = "\(packageRoot)/Tests/EndToEndTests/Fixtures/template.json"
    static let rootTemplate = "\(packageRoot)/template.json"

    /// The folder holding the built products (`lambda-local`, `Echo`, `Probe`): the test bundle's own folder.
    static let binDirectory: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }()

    static let lambdaLocal = "\(binDirectory)/lambda-local"

    /// The repository's template without its functions (so no stream mapping acts on the tables), written to
    /// `directory`.
    static func tablesOnlyRootTemplate(in directory: TemporaryDirectory) throws -> String {
        var template = try jsonObject(try String(contentsOfFile: rootTemplate, encoding: .utf8))
        let resources = try #require(template["Resources"] as? [String: Any])
        template["Resources"] = resources.filter { _, resource in
            (resource as? [String: Any])?["Type"] as? String != "AWS::Serverless::Function"
        }
        let data = try JSONSerialization.data(withJSONObject: template)
        return try directory.write("template.json", String(decoding: data, as: UTF8.self))
    }
}

/// What a finished command printed.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a command to completion, feeding `input` to its standard input; output goes through temporary files so a
/// chatty process never blocks on a full pipe.
func run(
    _ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:]
) throws -> CommandResult {
    let directory = try TemporaryDirectory()
    let inPath = try directory.write("stdin", input ?? "")
    let child = try SpawnedProcess(
        executable, arguments, stdin: inPath, stdout: directory.path + "/stdout", stderr: directory.path + "/stderr",
        environment: environment)
    let status = child.wait()
    return CommandResult(
        status: status,
        stdout: (try? String(contentsOfFile: directory.path + "/stdout", encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: directory.path + "/stderr", encoding: .utf8)) ?? "")
}

/// A child process started with `posix_spawn` (Foundation's `Process` crashed in libdispatch when many tests ran
/// processes at once), its standard streams redirected to files.
final class SpawnedProcess: Sendable {
    let pid: pid_t
    private let exitStatus = Mutex<Int32?>(nil)

    init(
        _ executable: String, _ arguments: [String], stdin: String?, stdout: String, stderr: String,
        environment: [String: String] = [:]
    ) throws {
        let inFD = stdin.map { open($0, O_RDONLY) } ?? -1
        let outFD = open(stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let errFD = open(stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { [inFD, outFD, errFD].filter { $0 >= 0 }.forEach { close($0) } }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let status = cps_spawn(executable, argv, envp, Paths.packageRoot, inFD, outFD, errFD, &pid)
        guard status == 0 else { throw SpawnError(executable: executable, code: status) }
        self.pid = pid
    }

    /// Waits for the process; its exit status, or 128 + the signal that killed it. Once reaped, the status is kept.
    func wait() -> Int32 {
        exitStatus.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            let signal = raw & 0x7f
            let result = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
            status = result
            return result
        }
    }

    /// Whether the process has not exited yet (it is not reaped by this call).
    var isRunning: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == 0
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Ends the process for good: `signal`, then up to `grace` for it to exit, then SIGKILL to its whole process
    /// group (it was started as a group leader); reaps it. Returns its exit status as ``wait()`` does.
    @discardableResult
    func stop(with number: Int32 = SIGTERM, grace: Duration = .seconds(5)) -> Int32 {
        if let status = exitStatus.withLock({ $0 }) { return status }
        if isRunning {
            kill(pid, number)
            let deadline = ContinuousClock.now + grace
            while isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        }
        kill(-pid, SIGKILL)
        return wait()
    }
}

/// The processes whose parent is `pid`, read from `/proc`.
func childProcesses(of pid: pid_t) -> [pid_t] {
    processes { $0.parent == pid }
}

/// Whether `pid` is a process that still runs (a zombie does not).
func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
}

/// The processes of the system, filtered by their parent and process group (`/proc/<pid>/stat` fields 4 and 5).
func processes(where include: ((parent: pid_t, group: pid_t)) -> Bool) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let parent = pid_t(fields[1]), let group = pid_t(fields[2]) else { return nil }
        return include((parent, group)) ? pid : nil
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    guard bound == 0 else { throw SpawnError(executable: "bind", code: errno) }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

struct SpawnError: Error, CustomStringConvertible {
    let executable: String
    let code: Int32
    var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
}

/// A fresh folder under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lambda-local-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ contents: String) throws -> String {
        let file = "\(path)/\(name)"
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// `lambda-local` with the fixture template, prebuilt binaries and no build step.
func lambdaLocal(_ arguments: [String], template: String = Paths.fixtureTemplate, input: String? = nil) throws -> CommandResult {
    try run(Paths.lambdaLocal, arguments + ["--template", template, "--bin-path", Paths.binDirectory, "--skip-build"], input: input)
}

/// Parses a JSON object printed by a command.
func jsonObject(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any])
}
