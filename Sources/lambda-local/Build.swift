import ArgumentParser
import Emulator
import FunctionRunner

/// `lambda-local build [FUNCTION]`: build functions with SwiftPM now.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build one function, or every function in the template.")

    @Argument(help: "The function's logical ID or FunctionName (default: all).")
    var function: String?

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let console = Console()
        let workspace = try Workspace.open(templateOptions.workspaceOptions(), console: console)
        let functions = try function.map { [try workspace.function(named: $0)] } ?? workspace.template.functions
        try workspace.build(functions)
    }
}
