import ArgumentParser
import Emulator
import FunctionPackaging
import FunctionRunner
import SAMTemplate

/// `lambda-local package [FUNCTION…] [--output DIR]`: deployable zips for provided.al2023 and a template using them.
struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Build functions in release as 'bootstrap', check they load on provided.al2023, and zip them.",
        discussion: """
            Writes DIR/<Function>.zip (deterministic: the same sources give the same bytes) and DIR/template.json \
            with each packaged function's CodeUri pointing at its zip.
            """)

    @Argument(help: "Functions to package, by logical ID or FunctionName (default: all).")
    var functions: [String] = []

    @Option(name: [.customShort("o"), .long], help: "Where the zips and template.json go.")
    var output = ".lambda-local/package"

    @Flag(help: "Write the zips even when the provided.al2023 check fails (printed as warnings): they run here, not on AWS.")
    var allowLoadProblems = false

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let console = Console()
        let options = templateOptions.workspaceOptions()
        let workspace = try Workspace.open(options, console: console)
        let selected = try functions.map { try workspace.function(named: $0) }
        var packager = FunctionPackager(
            template: workspace.template, packageRoot: workspace.builder.packageRoot, outputDirectory: output,
            console: console,
            loadOptions: TemplateLoadOptions(parameterOverrides: options.parameterOverrides, region: options.region))
        packager.allowsLoadProblems = allowLoadProblems
        let packaged = try packager.package(selected)
        print(PackageReport.text(packaged, templatePath: "\(packager.outputDirectory)/template.json"), terminator: "")
    }
}
