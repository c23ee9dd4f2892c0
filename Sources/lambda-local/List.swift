import ArgumentParser
import Emulator
import FunctionRunner

/// `lambda-local list`: the template's functions and tables.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the functions and tables the template declares.")

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let workspace = try Workspace.open(templateOptions.workspaceOptions(), console: Console())
        print(TemplateListing.text(for: workspace), terminator: "")
    }
}
