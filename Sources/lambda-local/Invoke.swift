import ArgumentParser
import Emulator
import Foundation
import NIOCore

/// `lambda-local invoke FUNCTION`: one invocation, the result on stdout and the logs on stderr.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invoke a function once with an event; print its result (stdout) and its logs with REPORT (stderr).")

    @Argument(help: "The function's logical ID or FunctionName.")
    var function: String

    @Option(name: [.short, .long], help: "Event file (JSON), or - for standard input. Default: {}.")
    var event: String?

    @Option(name: [.customShort("n"), .long], help: "Environment variable overrides in SAM's JSON format.")
    var envVars: String?

    @Flag(help: "Do not build the function even if its sources changed.")
    var skipBuild = false

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let console = Console()
        let workspace = try Workspace.open(templateOptions.workspaceOptions(envVars: envVars), console: console)
        let definition = try workspace.function(named: function)
        let payload = try EventFile.read(event)
        if !skipBuild { try workspace.buildIfNeeded([definition]) }
        try workspace.checkExecutables([definition])

        let pool = FunctionPool(configuration: workspace.configuration(for: definition), console: console, maxEnvironments: 1)
        let result: InvocationResult
        do {
            // Waiting for the log means waiting for END and REPORT, so the environment is measured before it stops.
            result = try await pool.invoke(InvocationRequest(payload: ByteBuffer(bytes: payload), wantsLog: true))
        } catch {
            await pool.shutdown()
            throw error
        }
        await pool.shutdown()
        var output = Data(result.payload.readableBytesView)
        if output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        FileHandle.standardOutput.write(output)
        if result.failed { throw ExitCode(1) }
    }
}
