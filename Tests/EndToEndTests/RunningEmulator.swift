import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `lambda-local start` running in the background for a test, on a port the system picks.
final class RunningEmulator: Sendable {
    let process: SpawnedProcess
    let port: Int
    private let directory: TemporaryDirectory
    private let logPath: String

    /// Starts the emulator on the fixture template and waits until the Invoke API listens.
    init(template: String = Paths.fixtureTemplate, extraArguments: [String] = []) throws {
        let directory = try TemporaryDirectory()
        let logPath = directory.path + "/emulator.log"
        let process = try SpawnedProcess(
            Paths.lambdaLocal,
            ["start", "--port", "0", "--template", template, "--bin-path", Paths.binDirectory, "--skip-build"]
                + extraArguments,
            stdin: nil, stdout: logPath, stderr: logPath)
        self.process = process
        self.directory = directory
        self.logPath = logPath
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /Invoke API on http:\/\/127\.0\.0\.1:(\d+)/) {
                port = Int(match.1)
            } else {
                usleep(20_000)
            }
        }
        guard let port else {
            process.signal(SIGKILL)
            _ = process.wait()
            throw EmulatorStartError(output: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
        }
        self.port = port
    }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Everything the emulator printed so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Interrupts it like Ctrl-C and waits for it to exit; returns the exit status.
    @discardableResult
    func interrupt() -> Int32 {
        process.signal(SIGINT)
        return process.wait()
    }

    deinit {
        if process.isRunning {
            process.signal(SIGINT)
            _ = process.wait()
        }
    }

    /// `aws lambda invoke` against this emulator; returns the CLI's output and the payload file's text.
    func awsInvoke(_ function: String, payload: String? = nil, extra: [String] = []) throws -> (output: CommandResult, payload: String) {
        let directory = try TemporaryDirectory()
        let outFile = directory.path + "/out.json"
        var arguments = ["aws", "lambda", "invoke", "--endpoint-url", endpoint, "--function-name", function]
        if let payload { arguments += ["--payload", payload] }
        arguments += extra + [outFile]
        let result = try run(
            "/usr/bin/env", arguments,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"])
        return (result, (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "")
    }
}

struct EmulatorStartError: Error, CustomStringConvertible {
    let output: String
    var description: String { "lambda-local start did not come up; it printed:\n\(output)" }
}
