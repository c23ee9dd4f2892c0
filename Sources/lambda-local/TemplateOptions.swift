import ArgumentParser
import Emulator
import FunctionRunner

/// Options every command that reads the template shares.
struct TemplateOptions: ParsableArguments {
    @Option(name: [.customShort("t"), .long], help: "The SAM template (JSON).")
    var template = "template.json"

    @Option(help: "The AWS region functions run in.")
    var region = "us-east-1"

    @Option(help: "Template parameter values, as Key=Value (repeatable).")
    var parameterOverrides: [String] = []

    @Option(help: "SwiftPM configuration to build functions in (debug or release).")
    var buildConfiguration: String = "debug"

    @Option(help: "Where built function executables are, if not .build/<configuration> of the package.")
    var binPath: String?

    @Option(help: "The Swift package functions are built from, if not the one around the template.")
    var packagePath: String?

    func validate() throws {
        guard FunctionBuilder.Configuration(rawValue: buildConfiguration) != nil else {
            throw ValidationError("--build-configuration: found \"\(buildConfiguration)\", expected debug or release")
        }
        for pair in parameterOverrides where !pair.contains("=") {
            throw ValidationError("--parameter-overrides: found \"\(pair)\", expected Key=Value")
        }
    }

    func workspaceOptions(envVars: String? = nil) -> WorkspaceOptions {
        var parameters: [String: String] = [:]
        for pair in parameterOverrides {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            parameters[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return WorkspaceOptions(
            templatePath: template, parameterOverrides: parameters, region: region, envVarsPath: envVars,
            buildConfiguration: FunctionBuilder.Configuration(rawValue: buildConfiguration) ?? .debug, binPath: binPath,
            packagePath: packagePath)
    }
}
