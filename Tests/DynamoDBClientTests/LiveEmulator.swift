import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lambda-local start --in-memory` on the fixture template, run as a child process; its DynamoDB port is read
/// from the line it prints, `lambda-local: DynamoDB on http://127.0.0.1:PORT`.
final class LiveEmulator: Sendable {
    let pid: pid_t
    let dynamoDBPort: Int
    let logPath: String

    /// Starts the emulator and waits (up to 30 s) for its DynamoDB line.
    init() throws {
        let binary = try Self.lambdaLocalPath()
        logPath = NSTemporaryDirectory() + "dynamodb-client-tests-\(UUID().uuidString).log"
        let arguments = [
            binary, "start", "--port", "0", "--dynamodb-port", "0", "--in-memory", "--skip-build",
            "--template", Fixtures.directory + "/template.json",
        ]
        pid = try Self.spawn(arguments, log: logPath)
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil, Date() < deadline {
            let log = Self.read(logPath)
            if let match = log.firstMatch(of: /DynamoDB on http:\/\/127\.0\.0\.1:(\d+)/) {
                port = Int(match.1)
            } else if waitpid(pid, nil, WNOHANG) == pid {
                break
            } else {
                usleep(20_000)
            }
        }
        guard let port else {
            kill(pid, SIGKILL)
            _ = waitpid(pid, nil, 0)
            throw LiveEmulatorError(
                message: "lambda-local did not report its DynamoDB port; it printed:\n\(Self.read(logPath))")
        }
        dynamoDBPort = port
    }

    deinit {
        kill(pid, SIGINT)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        unlink(logPath)
    }

    var endpoint: String { "http://127.0.0.1:\(dynamoDBPort)" }

    /// The `lambda-local` binary `swift build` put next to this test bundle (or a few folders up on macOS).
    private static func lambdaLocalPath() throws -> String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("lambda-local").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw LiveEmulatorError(
            message: "no lambda-local binary next to \(executable): build it first (swift build --product lambda-local)"
        )
    }

    private static func spawn(_ arguments: [String], log: String) throws -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard status == 0 else {
            throw LiveEmulatorError(message: "cannot start \(arguments[0]): \(String(cString: strerror(status)))")
        }
        return pid
    }

    private static func read(_ path: String) -> String {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

struct LiveEmulatorError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
