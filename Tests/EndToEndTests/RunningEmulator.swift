import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `lambda-local start` running in the background for a test, on a port the system picks.
final class RunningEmulator: Sendable {
    let process: Process
    let port: Int
    private let output: SharedText

    /// Starts the emulator on the fixture template and waits until the Invoke API listens.
    init(template: String = Paths.fixtureTemplate, extraArguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.lambdaLocal)
        process.arguments =
            ["start", "--port", "0", "--template", template, "--bin-path", Paths.binDirectory, "--skip-build"] + extraArguments
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.packageRoot)
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let output = SharedText()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            output.append(String(decoding: handle.availableData, as: UTF8.self))
        }
        try process.run()
        self.process = process
        self.output = output
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            if let match = output.text.firstMatch(of: /Invoke API on http:\/\/127\.0\.0\.1:(\d+)/) {
                port = Int(match.1)
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let port else {
            process.terminate()
            throw EmulatorStartError(output: output.text)
        }
        self.port = port
    }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Everything the emulator printed so far.
    var log: String { output.text }

    /// Interrupts it like Ctrl-C and waits for it to exit; returns the exit status.
    @discardableResult
    func interrupt() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
    }

    /// `aws lambda invoke` against this emulator; returns the CLI's JSON output, the payload file's text and the status.
    func awsInvoke(_ function: String, payload: String? = nil, extra: [String] = []) throws -> (output: CommandResult, payload: String) {
        let directory = try TemporaryDirectory()
        let outFile = directory.path + "/out.json"
        var arguments = ["lambda", "invoke", "--endpoint-url", endpoint, "--function-name", function]
        if let payload { arguments += ["--payload", payload] }
        arguments += extra + [outFile]
        let result = try run(
            "/usr/bin/env", ["aws"] + arguments,
            environment: ["AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"])
        return (result, (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "")
    }
}

struct EmulatorStartError: Error, CustomStringConvertible {
    let output: String
    var description: String { "lambda-local start did not come up; it printed:\n\(output)" }
}

/// Text appended by one thread and read by another.
final class SharedText: Sendable {
    private let storage = Mutex("")

    func append(_ text: String) { storage.withLock { $0 += text } }

    var text: String { storage.withLock { $0 } }
}
