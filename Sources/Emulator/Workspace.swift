import FunctionRunner
import DynamoDBEndpoint
import Foundation
import FunctionPackaging
import SAMTemplate

/// A template opened for running: its functions resolved to executables and configured as Lambda would.
public struct Workspace: Sendable {
    /// The loaded template.
    public let template: Template
    /// Finds and builds the functions' executables.
    public let builder: FunctionBuilder
    /// `--env-vars` overrides.
    public let overrides: EnvironmentOverrides
    /// No `Package.swift` was found: building a Swift function is an error naming it (bootstrap functions run).
    public var missingPackage = false

    /// Loads the template and the env-vars file.
    /// - Throws: `TemplateError`, ``EnvironmentOverridesError``, ``WorkspaceError`` or `PackagingError` (an unreadable
    ///   zip `CodeUri`), each naming the file and place.
    public static func open(_ options: WorkspaceOptions, console: Console) throws -> Workspace {
        var template = try TemplateLoader.load(
            contentsOf: options.templatePath,
            options: TemplateLoadOptions(parameterOverrides: options.parameterOverrides, region: options.region))
        // A CodeUri that is a zip (as `lambda-local package` writes) runs from its unpacked copy.
        for index in template.functions.indices where template.functions[index].codeURI.hasSuffix(".zip") {
            template.functions[index].codeURI = try ZipCodeCache.folder(for: template.functions[index].codeURI)
        }
        // A package is needed only to build a Swift function: without one, bootstrap functions run and building
        // a Swift function is an error naming it.
        let root: String
        var missingPackage = false
        if let packagePath = options.packagePath {
            root = URL(fileURLWithPath: packagePath).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: "\(root)/Package.swift") else {
                throw WorkspaceError.noPackage(root)
            }
        } else if let found = FunctionBuilder.packageRoot(containing: template.directory) {
            root = found
        } else {
            root = template.directory
            missingPackage = true
        }
        let builder = FunctionBuilder(
            packageRoot: root, configuration: options.buildConfiguration, binPath: options.binPath, console: console)
        let overrides = try options.envVarsPath.map { path throws(EnvironmentOverridesError) in
            try EnvironmentOverrides.load(path: path)
        } ?? EnvironmentOverrides()
        var workspace = Workspace(template: template, builder: builder, overrides: overrides)
        workspace.missingPackage = missingPackage
        return workspace
    }

    /// The function a caller names by logical ID or `FunctionName`.
    /// - Throws: ``WorkspaceError/unknownFunction(_:file:known:)`` listing the template's functions.
    public func function(named name: String) throws(WorkspaceError) -> FunctionDefinition {
        guard let function = template.function(named: name) else {
            throw .unknownFunction(name, file: template.path, known: template.functions.map(\.logicalID))
        }
        return function
    }

    /// Readies one function (or every function when `function` is nil) to run: builds it when its sources changed
    /// (if `build`), then checks its executable exists.
    /// - Throws: ``WorkspaceError`` for an unknown function or a missing executable, ``BuildError`` when SwiftPM fails.
    public func prepare(function: String?, build: Bool) throws {
        let functions = try function.map { [try self.function(named: $0)] } ?? template.functions
        if build { try buildIfNeeded(functions) }
        try checkExecutables(functions)
    }

    /// Builds each Swift function whose sources changed since its last build.
    /// - Throws: ``BuildError`` when SwiftPM fails.
    public func buildIfNeeded(_ functions: [FunctionDefinition]) throws {
        for function in functions where builder.needsBuild(handler: function.handler, codeURI: function.codeURI) {
            try checkPackage(for: function)
            try builder.build(product: function.handler)
        }
    }

    /// Builds each Swift function now, whether or not its sources changed (`lambda-local build`).
    /// - Throws: ``BuildError`` when SwiftPM fails.
    public func build(_ functions: [FunctionDefinition]) throws {
        for function in functions {
            if case .swiftProduct(let name, _) = builder.executable(handler: function.handler, codeURI: function.codeURI) {
                try checkPackage(for: function)
                try builder.build(product: name)
            }
        }
    }

    /// Throws when `function` must be built but there is no package to build it from.
    private func checkPackage(for function: FunctionDefinition) throws(WorkspaceError) {
        if missingPackage { throw .noPackageFor(function: function.logicalID, directory: template.directory) }
    }

    /// Checks that each function's executable exists (after building, or when building is skipped).
    /// - Throws: ``WorkspaceError/missingExecutable(function:path:)``.
    public func checkExecutables(_ functions: [FunctionDefinition]) throws(WorkspaceError) {
        for function in functions {
            let path = builder.executable(handler: function.handler, codeURI: function.codeURI).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw .missingExecutable(function: function.logicalID, path: path)
            }
        }
    }

    /// How the runner starts `function`: its executable, Lambda's settings and the merged environment.
    public func configuration(for function: FunctionDefinition, streamARN: StreamARNResolver? = nil) -> FunctionConfiguration {
        let declared = streamARN.map { function.environment(streamARN: $0) } ?? function.environment
        let environment = declared.merging(overrides.variables(logicalID: function.logicalID, name: function.functionName)) {
            _, override in override
        }
        var configuration = FunctionConfiguration(
            name: function.functionName,
            executable: builder.executable(handler: function.handler, codeURI: function.codeURI).path,
            taskRoot: function.codeURI, handler: function.handler, timeoutSeconds: function.timeout,
            memorySize: function.memorySize, environment: environment, reservedConcurrency: function.reservedConcurrency,
            region: template.region, accountID: template.accountID)
        configuration.runtime = function.runtime.rawValue
        configuration.architectures = function.architectures.map(\.rawValue)
        configuration.description = function.description
        return configuration
    }

    /// A registry serving every function of the template, found by name or logical ID.
    ///
    /// `serviceEnvironment` (e.g. `AWS_ENDPOINT_URL_DYNAMODB`) is added to every function unless the template or
    /// `--env-vars` sets the same variable; `streamARN` supplies live stream ARNs for `Fn::GetAtt Table.StreamArn`;
    /// the functions named in `debugged` (logical IDs or names) run under the user's debugger.
    public func registry(
        console: Console, maxEnvironments: Int, reusesEnvironments: Bool = true, ledger: ProcessLedger? = nil,
        serviceEnvironment: [String: String] = [:], streamARN: StreamARNResolver? = nil, debugged: Set<String> = []
    ) -> FunctionRegistry {
        let (functions, aliases) = functionConfigurations(
            serviceEnvironment: serviceEnvironment, streamARN: streamARN, debugged: debugged)
        return FunctionRegistry(
            functions: functions, aliases: aliases, console: console,
            maxEnvironments: maxEnvironments, reusesEnvironments: reusesEnvironments, ledger: ledger)
    }

    /// Every function's configuration as ``registry(console:maxEnvironments:reusesEnvironments:ledger:serviceEnvironment:streamARN:debugged:)``
    /// sets it up, and the logical IDs as aliases of the function names.
    public func functionConfigurations(
        serviceEnvironment: [String: String] = [:], streamARN: StreamARNResolver? = nil, debugged: Set<String> = []
    ) -> (functions: [FunctionConfiguration], aliases: [String: String]) {
        let aliases = Dictionary(
            template.functions.map { ($0.logicalID, $0.functionName) }, uniquingKeysWith: { first, _ in first })
        let functions = template.functions.map { function in
            var configuration = configuration(for: function, streamARN: streamARN)
            configuration.environment.merge(serviceEnvironment) { own, _ in own }
            configuration.runsUnderDebugger =
                debugged.contains(function.logicalID) || debugged.contains(function.functionName)
            return configuration
        }
        return (functions, aliases)
    }
}

/// How to open a ``Workspace``.
public struct WorkspaceOptions: Sendable {
    /// The SAM template (JSON).
    public var templatePath: String
    /// `Parameters` values.
    public var parameterOverrides: [String: String]
    /// The region functions run in.
    public var region: String
    /// A SAM `--env-vars` file.
    public var envVarsPath: String?
    /// The SwiftPM configuration functions are built in.
    public var buildConfiguration: FunctionBuilder.Configuration
    /// Where built products are, when not `.build/<configuration>` of the package.
    public var binPath: String?
    /// The folder holding `Package.swift`, when not at or above the template's folder.
    public var packagePath: String?

    /// Options with defaults: `template.json`, us-east-1, debug builds.
    public init(
        templatePath: String = "template.json", parameterOverrides: [String: String] = [:], region: String = "us-east-1",
        envVarsPath: String? = nil, buildConfiguration: FunctionBuilder.Configuration = .debug, binPath: String? = nil,
        packagePath: String? = nil
    ) {
        self.packagePath = packagePath
        self.templatePath = templatePath
        self.parameterOverrides = parameterOverrides
        self.region = region
        self.envVarsPath = envVarsPath
        self.buildConfiguration = buildConfiguration
        self.binPath = binPath
    }
}

/// A workspace problem that is not the template's own.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    /// No function by that name or logical ID.
    case unknownFunction(String, file: String, known: [String])
    /// No `Package.swift` in the folder (`--package-path`, or the template's folder and above).
    case noPackage(String)
    /// A function must be built from Swift sources, and no `Package.swift` is at or above the template.
    case noPackageFor(function: String, directory: String)
    /// A function's executable is not there.
    case missingExecutable(function: String, path: String)

    public var description: String {
        switch self {
        case .unknownFunction(let name, let file, let known):
            "\(file): no function \"\(name)\" in Resources; expected one of: \(known.joined(separator: ", "))"
        case .noPackage(let directory):
            "no Package.swift in \"\(directory)\" or above it; Swift functions are built from the package around the template"
        case .noPackageFor(let function, let directory):
            "function \"\(function)\" has no bootstrap in its CodeUri, so it is built with SwiftPM, but there is no "
                + "Package.swift in \"\(directory)\" or above it: pass --package-path DIR, or give it a bootstrap"
        case .missingExecutable(let function, let path):
            "function \"\(function)\": no executable at \"\(path)\"; run 'lambda-local build \(function)' or give CodeUri a bootstrap"
        }
    }
}
