import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `lambda-local start` running in the background for a test, on ports the system picks.
final class RunningEmulator: Sendable {
    let process: SpawnedProcess
    let port: Int
    /// The DynamoDB endpoint's port.
    let dynamoDBPort: Int
    private let directory: TemporaryDirectory
    private let logPath: String

    /// Starts the emulator on the fixture template and waits until the Invoke API listens; tables are kept in
    /// `stateDirectory`, or in a fresh temporary one.
    init(
        template: String = Paths.fixtureTemplate, stateDirectory: String? = nil, ports: (invoke: Int, dynamoDB: Int) = (0, 0),
        extraArguments: [String] = []
    ) throws {
        let directory = try TemporaryDirectory()
        let logPath = directory.path + "/emulator.log"
        let process = try SpawnedProcess(
            Paths.lambdaLocal,
            [
                "start", "--port", String(ports.invoke), "--dynamodb-port", String(ports.dynamoDB), "--state-dir", stateDirectory ?? directory.path + "/state",
                "--template", template, "--bin-path", Paths.binDirectory, "--skip-build",
            ] + extraArguments,
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
            process.stop(with: SIGKILL)
            throw EmulatorStartError(output: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
        }
        self.port = port
        // The DynamoDB line is printed before the Invoke API starts.
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        guard let match = text.firstMatch(of: #/DynamoDB on http://127\.0\.0\.1:(\d+) \(state: /#), let dynamoDBPort = Int(match.1)
        else {
            process.stop(with: SIGKILL)
            throw EmulatorStartError(output: text)
        }
        self.dynamoDBPort = dynamoDBPort
    }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The DynamoDB (and DynamoDB Streams) endpoint.
    var dynamoDBEndpoint: String { "http://127.0.0.1:\(dynamoDBPort)" }

    /// Kills it with SIGKILL, as a crash would, and waits for it to be gone.
    func kill() {
        process.stop(with: SIGKILL)
    }

    /// Everything the emulator printed so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Interrupts it like Ctrl-C and waits for it to exit (killing its process group if it has not within 10 s);
    /// returns the exit status.
    @discardableResult
    func interrupt() -> Int32 {
        process.stop(with: SIGINT, grace: .seconds(10))
    }

    /// Whatever the test did, the emulator and its process group end with it (its function processes die with it).
    deinit {
        process.stop(with: SIGTERM)
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
