import ArgumentParser
import Emulator
import FunctionRunner
import Foundation

/// `lambda-local invoke FUNCTION`: one invocation, the result on stdout and the logs on stderr.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invoke a function once with an event; print its result (stdout) and its logs with REPORT (stderr).")

    @Argument(help: "The function's logical ID or FunctionName.")
    var function: String

    @Option(
        name: [.short, .long, .customLong("events")],
        help: "Event file (JSON), or - for standard input (--events is accepted too). Default: {}.")
    var event: String?

    @Option(help: "Where the template's tables are served from for the invocation; default .lambda-local next to the template.")
    var stateDir: String?

    @Flag(help: "Serve the template's tables from memory for this invocation (nothing written).")
    var inMemory = false

    @OptionGroup var options: FunctionOptions

    func validate() throws {
        if inMemory && stateDir != nil { throw ValidationError("--in-memory and --state-dir cannot be used together") }
    }

    func run() async throws {
        let console = Console()
        let payload = try EventFile.read(event)
        let workspace = try options.openWorkspace(console: console, function: function)
        let tables: StateLocation =
            inMemory
            ? .inMemory
            : stateDir.map { .directory($0) } ?? .defaultDirectory(templateDirectory: workspace.template.directory)
        let result = try await workspace.invokeOnce(function, payload: payload, console: console, tables: tables)
        var output = Data(result.payload.readableBytesView)
        if output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        FileHandle.standardOutput.write(output)
        if result.failed { throw ExitCode(1) }
    }
}
