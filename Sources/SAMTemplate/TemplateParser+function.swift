#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TemplateParser {
    static let globalFunctionKeys = [
        "Architectures", "CodeUri", "Description", "Environment", "Handler", "MemorySize",
        "ReservedConcurrentExecutions", "Runtime", "Tags", "Timeout", "Tracing",
    ]
    static let functionKeys = [
        "Architectures", "CodeUri", "Description", "Environment", "EventInvokeConfig", "Events", "FunctionName",
        "Handler", "MemorySize",
        "Policies", "ReservedConcurrentExecutions", "Role", "Runtime", "Tags", "Timeout", "Tracing",
    ]
    /// Variables Lambda sets itself and refuses in a function's configuration.
    static let reservedVariableNames: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]
    /// Lambda's limit on the total size of names and values.
    static let environmentSizeLimit = 4096

    /// The properties a function and `Globals.Function` share, each optional.
    struct FunctionSettings {
        var description: String?
        var handler: String?
        var codeURI: String?
        var runtime: FunctionDefinition.Runtime?
        var timeout: Int?
        var memorySize: Int?
        var environment: [FunctionDefinition.EnvironmentVariable] = []
        var architectures: [FunctionDefinition.Architecture]?
        var reservedConcurrency: Int?
    }

    /// Reads and validates a function's (or the globals') shared properties.
    func readFunctionSettings(_ properties: PropertyReader) throws(TemplateIssue) -> FunctionSettings {
        var settings = FunctionSettings()
        settings.description = try properties.string("Description")
        if let handler = try properties.string("Handler") {
            guard !handler.isEmpty, handler.count <= 128 else {
                throw .invalid(
                    properties.path.key("Handler"), found: handler.jsonQuoted, expected: "1 to 128 characters")
            }
            settings.handler = handler
        }
        settings.codeURI = try codeURI(properties)
        settings.runtime = try properties.choice(
            "Runtime", FunctionDefinition.Runtime.self,
            expected: "provided.al2023 or provided.al2 (lambda-local runs custom-runtime functions)")
        settings.timeout = try properties.integer("Timeout", in: 1...900)
        settings.memorySize = try properties.integer("MemorySize", in: 128...10240)
        settings.environment = try environment(properties)
        settings.architectures = try architectures(properties)
        settings.reservedConcurrency = try properties.integer("ReservedConcurrentExecutions", atLeast: 0)
        return settings
    }

    /// Parses one function, with `Globals.Function` merged in; also returns the events it skipped.
    func parseFunction(
        _ resource: Resource
    ) throws(TemplateIssue) -> (FunctionDefinition, [Template.UnsupportedEvent]) {
        let merged = Self.mergeGlobals(.object(globalFunctionProperties), into: resource.properties)
        let properties = try PropertyReader(merged, at: resource.path, evaluator: evaluator)
        try properties.checkKeys(allowed: Self.functionKeys)
        let settings = try readFunctionSettings(properties)
        var functionName = resource.logicalID
        if case .function(let name) = symbols.resources[resource.logicalID] { functionName = name }
        let (streamEvents, skipped) = try parseEvents(properties, functionLogicalID: resource.logicalID)
        let function = FunctionDefinition(
            logicalID: resource.logicalID,
            functionName: functionName,
            description: settings.description,
            handler: try properties.require(
                settings.handler, "Handler", expected: "the executable's name here or in Globals.Function"),
            codeURI: try properties.require(
                settings.codeURI, "CodeUri", expected: "a path to the function's code here or in Globals.Function"),
            runtime: try properties.require(
                settings.runtime, "Runtime", expected: "provided.al2023 or provided.al2 here or in Globals.Function"),
            timeout: settings.timeout ?? 3,
            memorySize: settings.memorySize ?? 128,
            environmentVariables: settings.environment,
            environment: Dictionary(
                settings.environment.map { ($0.name, $0.value.resolved(streamARN: symbols.loadTimeStreamARN)) },
                uniquingKeysWith: { $1 }),
            architectures: settings.architectures ?? [.x86_64],
            reservedConcurrency: settings.reservedConcurrency,
            streamEvents: streamEvents,
            eventInvokeConfig: try eventInvokeConfig(properties))
        return (function, skipped)
    }

    private func codeURI(_ properties: PropertyReader) throws(TemplateIssue) -> String? {
        let path = properties.path.key("CodeUri")
        let expected = "a local path in a string (lambda-local does not fetch code from S3)"
        guard let value = try properties.string("CodeUri", expected: expected) else { return nil }
        guard !value.isEmpty, !value.hasPrefix("s3://") else {
            throw .invalid(path, found: value.jsonQuoted, expected: expected)
        }
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        let resolved = URL(fileURLWithPath: value, relativeTo: base).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw .invalid(
                path, found: "\(value.jsonQuoted), which does not exist at \(resolved)",
                expected: "a path relative to the template's directory that exists")
        }
        return resolved
    }

    private func environment(
        _ properties: PropertyReader
    ) throws(TemplateIssue) -> [FunctionDefinition.EnvironmentVariable] {
        guard let environment = try properties.object("Environment") else { return [] }
        try environment.checkKeys(allowed: ["Variables"])
        guard let variables = try environment.object("Variables") else { return [] }
        var result: [FunctionDefinition.EnvironmentVariable] = []
        var size = 0
        for (name, _) in variables.object.pairs {
            let path = variables.path.key(name)
            let validName =
                name.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } == true
                && name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" }
            guard validName else {
                throw .invalid(
                    path, found: "variable name \(name.jsonQuoted)",
                    expected: "a name of letters, digits and '_' that starts with a letter")
            }
            guard !Self.reservedVariableNames.contains(name) else {
                throw .invalid(
                    path, found: "reserved variable name \(name.jsonQuoted)",
                    expected: "a name Lambda does not set itself")
            }
            let evaluated = try variables.evaluated(name)
            guard let value = evaluated?.scalarString else {
                throw .invalid(
                    path, found: evaluated?.foundDescription ?? "nothing", expected: "a string, a number or a boolean")
            }
            size += name.utf8.count + value.resolved(streamARN: symbols.loadTimeStreamARN).utf8.count
            result.append(.init(name: name, value: value))
        }
        guard size <= Self.environmentSizeLimit else {
            throw .invalid(
                variables.path, found: "\(size) bytes of names and values",
                expected: "at most \(Self.environmentSizeLimit) bytes in total")
        }
        return result
    }

    private func architectures(
        _ properties: PropertyReader
    ) throws(TemplateIssue) -> [FunctionDefinition.Architecture]? {
        guard let value = try properties.evaluated("Architectures") else { return nil }
        let expected = "[x86_64] or [arm64]"
        guard case .array(let elements) = value else {
            throw .invalid(properties.path.key("Architectures"), found: value.foundDescription, expected: expected)
        }
        let found = "[" + elements.map(\.foundDescription).joined(separator: ", ") + "]"
        guard elements.count == 1, case .string(let name) = elements[0], let text = name.literal,
            let architecture = FunctionDefinition.Architecture(rawValue: text)
        else {
            throw .invalid(properties.path.key("Architectures"), found: found, expected: expected)
        }
        return [architecture]
    }
}
