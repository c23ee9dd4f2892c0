/// Turns a parsed template document into a `Template`, stopping at the first problem.
struct TemplateParser {
    static let serverlessTransform = "AWS::Serverless-2016-10-31"
    static let functionType = "AWS::Serverless::Function"
    static let tableType = "AWS::DynamoDB::Table"

    private static let topLevelKeys = [
        "AWSTemplateFormatVersion", "Conditions", "Description", "Globals", "Mappings", "Metadata", "Outputs",
        "Parameters", "Resources", "Rules", "Transform",
    ]
    private static let resourceKeys = [
        "Condition", "CreationPolicy", "DeletionPolicy", "DependsOn", "Metadata", "Properties", "Type",
        "UpdatePolicy", "UpdateReplacePolicy",
    ]

    /// A resource's logical ID, type, and properties as written.
    struct Resource {
        var logicalID: String
        var type: String
        var properties: JSONValue
        var path: JSONPath { JSONPath.root.key("Resources").key(logicalID).key("Properties") }
    }

    let directory: String
    var symbols: SymbolTable
    var globalFunctionProperties = JSONObject()

    var evaluator: IntrinsicEvaluator { IntrinsicEvaluator(symbols: symbols) }

    /// Parses `document`; `directory` is the absolute directory `CodeUri` paths are relative to.
    static func parse(
        _ document: JSONValue, templatePath: String, directory: String, options: TemplateLoadOptions
    ) throws(TemplateIssue) -> Template {
        let symbols = SymbolTable(
            region: options.region, accountID: options.accountID, stackName: options.stackName,
            streamLabel: options.streamLabel)
        var parser = TemplateParser(directory: directory, symbols: symbols)
        let root = try PropertyReader(document, at: .root, evaluator: parser.evaluator)
        try root.checkKeys(allowed: topLevelKeys)
        if let version = root.object["AWSTemplateFormatVersion"], version != .string("2010-09-09") {
            throw .invalid(
                JSONPath.root.key("AWSTemplateFormatVersion"), found: version.foundDescription,
                expected: "\"2010-09-09\"")
        }
        if let conditions = root.object["Conditions"], conditions != .object(JSONObject()) {
            throw .unsupported(
                JSONPath.root.key("Conditions"), found: "a Conditions section",
                expected: "a template without conditions (lambda-local does not evaluate Conditions or Fn::If)")
        }
        parser.symbols.parameters = try parseParameters(
            root.object["Parameters"], overrides: options.parameterOverrides)
        let resources = try parser.declareResources(root)
        try checkTransform(root.object["Transform"], resources: resources)
        try parser.nameResources(resources)
        if let globals = root.object["Globals"] {
            parser.globalFunctionProperties = try parser.parseGlobals(globals)
        }

        var tables: [TableDefinition] = []
        var functions: [FunctionDefinition] = []
        var unsupportedEvents: [Template.UnsupportedEvent] = []
        var unsupportedResources: [Template.UnsupportedResource] = []
        for resource in resources {
            switch resource.type {
            case tableType:
                tables.append(try parser.parseTable(resource))
            case functionType:
                let (function, skipped) = try parser.parseFunction(resource)
                functions.append(function)
                unsupportedEvents += skipped
            default:
                unsupportedResources.append(.init(logicalID: resource.logicalID, type: resource.type))
            }
        }
        return Template(
            path: templatePath, directory: directory, region: options.region, accountID: options.accountID,
            functions: functions, tables: tables, unsupportedEvents: unsupportedEvents,
            unsupportedResources: unsupportedResources)
    }

    /// Reads `Resources`: each logical ID alphanumeric, each resource an object with a `Type`.
    private mutating func declareResources(_ root: PropertyReader) throws(TemplateIssue) -> [Resource] {
        let resourcesPath = JSONPath.root.key("Resources")
        guard let section = try root.object("Resources"), !section.object.isEmpty else {
            throw .missing(resourcesPath, expected: "a Resources object declaring at least one resource")
        }
        var resources: [Resource] = []
        for (logicalID, value) in section.object.pairs {
            let path = resourcesPath.key(logicalID)
            guard !logicalID.isEmpty, logicalID.unicodeScalars.allSatisfy(\.isASCIIAlphanumeric) else {
                throw .invalid(path, found: logicalID.jsonQuoted, expected: "a logical ID of letters and digits only")
            }
            let resource = try PropertyReader(value, at: path, evaluator: evaluator)
            try resource.checkKeys(allowed: Self.resourceKeys)
            if let condition = resource.object["Condition"] {
                throw .unsupported(
                    path.key("Condition"), found: condition.foundDescription,
                    expected: "a resource without Condition (lambda-local does not evaluate conditions)")
            }
            guard let type = resource.object["Type"] else {
                throw .missing(path.key("Type"), expected: "a resource type such as \(Self.functionType)")
            }
            guard case .string(let typeName) = type else {
                throw .invalid(path.key("Type"), found: type.foundDescription, expected: "a resource type in a string")
            }
            let properties = resource.object["Properties"] ?? .object(JSONObject())
            resources.append(Resource(logicalID: logicalID, type: typeName, properties: properties))
            symbols.resources[logicalID] = .pending(type: typeName)
        }
        return resources
    }

    /// Requires the serverless transform when the template declares `AWS::Serverless::*` resources.
    private static func checkTransform(_ transform: JSONValue?, resources: [Resource]) throws(TemplateIssue) {
        let path = JSONPath.root.key("Transform")
        var names: [String] = []
        switch transform {
        case nil: break
        case .string(let name)?: names = [name]
        case .array(let elements)?:
            for (index, element) in elements.enumerated() {
                guard case .string(let name) = element else {
                    throw .invalid(path.index(index), found: element.foundDescription, expected: "a transform name")
                }
                names.append(name)
            }
        case let other?:
            throw .invalid(path, found: other.foundDescription, expected: "\"\(serverlessTransform)\"")
        }
        for (index, name) in names.enumerated() where name != serverlessTransform {
            throw .unsupported(
                names.count == 1 ? path : path.index(index), found: name.jsonQuoted,
                expected: "\"\(serverlessTransform)\" (the only transform lambda-local applies)")
        }
        if names.isEmpty, let serverless = resources.first(where: { $0.type.hasPrefix("AWS::Serverless::") }) {
            throw .missing(
                path,
                expected: "\"\(serverlessTransform)\" because resource \(serverless.logicalID.jsonQuoted) is "
                    + serverless.type)
        }
    }
}

extension Unicode.Scalar {
    /// ASCII letters and digits, the characters CloudFormation allows in logical IDs.
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
