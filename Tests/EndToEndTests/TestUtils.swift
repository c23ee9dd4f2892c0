import Foundation
import Testing

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
    let process = Process()
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Paths.packageRoot)
    let directory = try TemporaryDirectory()
    let outPath = directory.path + "/stdout"
    let errPath = directory.path + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// A fresh folder under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
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
