import ArgumentParser
import Emulator
import FunctionRunner

/// Options of the commands that run functions (`invoke`, `start`).
struct FunctionOptions: ParsableArguments {
    @Option(name: [.customShort("n"), .long], help: "Environment variable overrides in SAM's JSON format.")
    var envVars: String?

    @Flag(help: "Do not build functions even if their sources changed.")
    var skipBuild = false

    @OptionGroup var template: TemplateOptions

    /// Opens the template and readies one function, or all (built when stale, unless --skip-build).
    func openWorkspace(console: Console, function: String? = nil) throws -> Workspace {
        let workspace = try Workspace.open(template.workspaceOptions(envVars: envVars), console: console)
        try workspace.prepare(function: function, build: !skipBuild)
        return workspace
    }
}
