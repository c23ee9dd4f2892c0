import ArgumentParser
import Emulator
import FunctionRunner
import StreamTriggers

/// `lambda-local list`: the template's functions and tables.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the functions and tables the template declares.")

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let workspace = try Workspace.open(templateOptions.workspaceOptions(), console: Console())
        // What `start` would refuse, `list` refuses too (an invalid FilterCriteria pattern, say).
        for mapping in MappingDeclaration.all(in: workspace.template) {
            _ = try mapping.settings(templatePath: workspace.template.path)
        }
        print(TemplateListing.text(for: workspace), terminator: "")
    }
}
