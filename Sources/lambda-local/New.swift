import ArgumentParser
import Emulator
import FunctionRunner
import FunctionScaffolding
import SAMTemplate

/// `lambda-local new FUNCTION [--stream TABLE]`: a new Swift function, ready to build, test and invoke.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a Swift function: handler library, executable, test, sample event, Package.swift and template entries.")

    @Argument(help: "The function's name: a capital letter, then letters and digits (e.g. Greeter).")
    var function: String

    @Option(help: "A template table (logical ID or TableName) whose stream triggers the function.")
    var stream: String?

    @Option(name: [.customShort("t"), .long], help: "The SAM template (JSON).")
    var template = "template.json"

    func validate() throws {
        guard FunctionNames(function) != nil else {
            throw ValidationError("FUNCTION: found \"\(function)\", expected a capital letter then letters and digits (e.g. Greeter)")
        }
    }

    func run() async throws {
        guard let names = FunctionNames(function) else { throw ValidationError("invalid FUNCTION \"\(function)\"") }
        let loaded = try TemplateLoader.load(contentsOf: template)
        guard let packageRoot = FunctionBuilder.packageRoot(containing: loaded.directory) else {
            throw WorkspaceError.noPackage(loaded.directory)
        }
        let scaffold = try FunctionScaffold(names: names, packageRoot: packageRoot, template: loaded, stream: stream)
        for line in try scaffold.run() { print(line) }
        let event = names.eventPath
        print(
            """

            Next:
              swift build --product \(names.function)                      # build it
              swift test --filter \(names.testTarget)                      # run its first test (\(names.testPath))
              swift run lambda-local invoke \(names.function) --event \(event)   # run it as Lambda would
            """)
    }
}
