import ArgumentParser
import Emulator
import FunctionRunner
import Foundation

/// `lambda-local stream …`: tools for the embedded tables' streams.
struct Stream: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the embedded tables' streams.", subcommands: [Export.self])

    /// `lambda-local stream export TABLE`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a table's stream as a JSON event log (one record per line) for lambda-local replay.")

        @Argument(help: "The table (logical ID or TableName).")
        var table: String

        @Option(name: [.short, .long], help: "The file to write; standard output by default.")
        var output: String?

        @Option(help: "The state directory; default .lambda-local next to the template.")
        var stateDir: String?

        @OptionGroup var template: TemplateOptions

        func run() async throws {
            let workspace = try Workspace.open(template.workspaceOptions(), console: Console())
            let state: StateLocation =
                stateDir.map { .directory($0) } ?? .defaultDirectory(templateDirectory: workspace.template.directory)
            var handle = FileHandle.standardOutput
            if let output {
                _ = FileManager.default.createFile(atPath: output, contents: nil)
                guard let file = FileHandle(forWritingAtPath: output) else {
                    throw CommandFailure("--output: cannot write \"\(output)\"")
                }
                handle = file
            }
            let target = handle
            let count = try await StreamExport.run(workspace, table: table, state: state) { target.write($0) }
            if output != nil { try handle.close() }
            FileHandle.standardError.write(Data("lambda-local: exported \(count) record\(count == 1 ? "" : "s")\n".utf8))
        }
    }
}
