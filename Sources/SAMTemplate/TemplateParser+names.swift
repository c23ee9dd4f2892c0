extension TemplateParser {
    /// Works out every table's and function's name (names may use parameters but not other resources), checks that
    /// no two collide, and makes resources available to `Ref` and `Fn::GetAtt`.
    mutating func nameResources(_ resources: [Resource]) throws(TemplateIssue) {
        var named: [String: SymbolTable.Resource] = [:]
        var tableNames: [String: String] = [:]  // name → logical ID
        var functionNames: [String: String] = [:]
        for resource in resources {
            switch resource.type {
            case Self.tableType:
                let properties = try PropertyReader(resource.properties, at: resource.path, evaluator: evaluator)
                let explicitName = try properties.string("TableName")
                if explicitName == nil, resource.logicalID.count < 3 {
                    // CloudFormation would generate a name; lambda-local uses the logical ID, which is too short.
                    throw .missing(
                        properties.path.key("TableName"),
                        expected:
                            "a TableName, because logical ID \(resource.logicalID.jsonQuoted) is shorter than the "
                            + "3 characters a table name needs")
                }
                let name = explicitName ?? resource.logicalID
                try Self.checkTableName(name, at: properties.path.key("TableName"))
                if let other = tableNames[name] {
                    throw .invalid(
                        properties.path.key("TableName"), found: name.jsonQuoted,
                        expected: "a name no other table uses (table \(other.jsonQuoted) has it)")
                }
                tableNames[name] = resource.logicalID
                let hasStream = properties.object["StreamSpecification"] != nil
                named[resource.logicalID] = .table(name: name, hasStream: hasStream)
            case Self.functionType:
                let properties = try PropertyReader(resource.properties, at: resource.path, evaluator: evaluator)
                let name = try properties.string("FunctionName") ?? resource.logicalID
                try Self.checkFunctionName(name, at: properties.path.key("FunctionName"))
                if let other = functionNames[name] {
                    throw .invalid(
                        properties.path.key("FunctionName"), found: name.jsonQuoted,
                        expected: "a name no other function uses (function \(other.jsonQuoted) has it)")
                }
                functionNames[name] = resource.logicalID
                named[resource.logicalID] = .function(name: name)
            default:
                named[resource.logicalID] = .other(type: resource.type)
            }
        }
        // `Template.function(named:)` accepts names and logical IDs: one must not mean two functions.
        for resource in resources where resource.type == Self.functionType {
            guard case .function(let name) = named[resource.logicalID], name != resource.logicalID else { continue }
            if case .function = named[name] {
                throw .invalid(
                    resource.path.key("FunctionName"), found: name.jsonQuoted,
                    expected: "a name that is not the logical ID of another function")
            }
        }
        symbols.resources = named
    }

    /// Table names: 3 to 255 of `a-z A-Z 0-9 _ - .`.
    static func checkTableName(_ name: String, at path: JSONPath) throws(TemplateIssue) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "_-.".unicodeScalars.contains($0) }
        guard allowed, (3...255).contains(name.count) else {
            throw .invalid(
                path, found: name.jsonQuoted, expected: "3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'")
        }
    }

    /// Function names: 1 to 64 of `a-z A-Z 0-9 _ -`.
    static func checkFunctionName(_ name: String, at path: JSONPath) throws(TemplateIssue) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "_-".unicodeScalars.contains($0) }
        guard allowed, (1...64).contains(name.count) else {
            throw .invalid(path, found: name.jsonQuoted, expected: "1 to 64 characters from a-z, A-Z, 0-9, '_' and '-'")
        }
    }
}
