/// Applies `Ref`, `Fn::GetAtt`, `Fn::Sub` and `Fn::Join`; other intrinsic functions are reported as unsupported.
struct IntrinsicEvaluator {
    var symbols: SymbolTable

    static let supportedFunctions = "a literal value, Ref, Fn::GetAtt, Fn::Sub or Fn::Join"

    /// Evaluates `value`, found at `path`, recursively through arrays; plain objects are returned as written.
    func evaluate(_ value: JSONValue, at path: JSONPath) throws(TemplateIssue) -> Evaluated {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let integer): return .integer(integer)
        case .number(let number): return .number(number)
        case .string(let string): return .string(TemplateString(string))
        case .array(let elements):
            var result: [Evaluated] = []
            for (index, element) in elements.enumerated() {
                result.append(try evaluate(element, at: path.index(index)))
            }
            return .array(result)
        case .object(let object):
            guard let function = object.intrinsicFunctionName, let argument = object[function] else {
                return .object(object)
            }
            let argumentPath = path.key(function)
            switch function {
            case "Ref":
                guard case .string(let name) = argument else {
                    throw .invalid(argumentPath, found: argument.foundDescription, expected: "a name in a string")
                }
                return try ref(name, at: argumentPath)
            case "Fn::GetAtt":
                let (logicalID, attribute) = try getAttTarget(argument, at: argumentPath)
                return .string(try getAtt(logicalID, attribute, at: argumentPath))
            case "Fn::Sub": return .string(try sub(argument, at: argumentPath))
            case "Fn::Join": return .string(try join(argument, at: argumentPath))
            default:
                throw .unsupported(
                    path, found: function,
                    expected: "\(Self.supportedFunctions) (lambda-local does not evaluate \(function))")
            }
        }
    }

    /// The value of `Ref name`.
    func ref(_ name: String, at path: JSONPath) throws(TemplateIssue) -> Evaluated {
        if let parameter = symbols.parameters[name] {
            switch parameter {
            case .string(let text): return .string(TemplateString(text))
            case .list(let items): return .array(items.map { .string(TemplateString($0)) })
            }
        }
        if let value = symbols.pseudoParameter(name) { return .string(TemplateString(value)) }
        switch symbols.resources[name] {
        case .table(let tableName, _): return .string(TemplateString(tableName))
        case .function(let functionName): return .string(TemplateString(functionName))
        case .pending:
            throw .unsupported(
                path, found: "a reference to resource \(name.jsonQuoted)",
                expected: "a name built from literals, parameters and pseudo parameters")
        case .other(let type):
            throw .unsupported(
                path, found: "a reference to \(name.jsonQuoted) of type \(type)",
                expected: "a reference to a parameter, a pseudo parameter, a table or a function")
        case nil:
            if name.hasPrefix("AWS::") {
                throw .unsupported(
                    path, found: name.jsonQuoted,
                    expected: "one of the pseudo parameters "
                        + SymbolTable.pseudoParameterNames.joined(separator: ", "))
            }
            throw TemplateIssue(
                code: .unresolvedReference, path: path, found: name.jsonQuoted,
                expected: "the name of a parameter, a pseudo parameter or a resource")
        }
    }

    /// The logical ID and attribute of an `Fn::GetAtt` argument: `[Resource, Attribute]` or `"Resource.Attribute"`.
    func getAttTarget(_ argument: JSONValue, at path: JSONPath) throws(TemplateIssue) -> (String, String) {
        switch argument {
        case .array(let parts) where parts.count == 2:
            if case .string(let logicalID) = parts[0], case .string(let attribute) = parts[1] {
                return (logicalID, attribute)
            }
        case .string(let text):
            if let dot = text.firstIndex(of: "."), dot != text.startIndex, dot != text.index(before: text.endIndex) {
                return (String(text[..<dot]), String(text[text.index(after: dot)...]))
            }
        default: break
        }
        throw .invalid(
            path, found: argument.foundDescription,
            expected: "[LogicalId, Attribute] or \"LogicalId.Attribute\" with literal strings")
    }

    /// The value of `Fn::GetAtt [logicalID, attribute]`.
    func getAtt(_ logicalID: String, _ attribute: String, at path: JSONPath) throws(TemplateIssue) -> TemplateString {
        let target = "\(logicalID).\(attribute)".jsonQuoted
        switch symbols.resources[logicalID] {
        case .table(let tableName, let hasStream):
            switch attribute {
            case "Arn":
                return TemplateString(
                    ARN.table(
                        partition: symbols.partition, region: symbols.region, accountID: symbols.accountID,
                        tableName: tableName))
            case "StreamArn":
                guard hasStream else {
                    throw .invalid(
                        path, found: target, expected: "the StreamArn of a table that has a StreamSpecification")
                }
                return TemplateString(parts: [
                    .streamARN(StreamReference(tableLogicalID: logicalID, tableName: tableName))
                ])
            default:
                throw .unsupported(path, found: target, expected: "an attribute of a table: Arn or StreamArn")
            }
        case .function(let functionName):
            guard attribute == "Arn" else {
                throw .unsupported(path, found: target, expected: "an attribute of a function: Arn")
            }
            return TemplateString(
                ARN.function(
                    partition: symbols.partition, region: symbols.region, accountID: symbols.accountID,
                    functionName: functionName))
        case .pending:
            throw .unsupported(
                path, found: "an attribute of resource \(logicalID.jsonQuoted)",
                expected: "a name built from literals, parameters and pseudo parameters")
        case .other(let type):
            throw .unsupported(
                path, found: "\(target) of type \(type)", expected: "an attribute of a table or a function")
        case nil:
            throw TemplateIssue(
                code: .unresolvedReference, path: path, found: target,
                expected: "an attribute of a resource declared in Resources")
        }
    }

    /// The value of `Fn::Join [delimiter, [values]]`.
    func join(_ argument: JSONValue, at path: JSONPath) throws(TemplateIssue) -> TemplateString {
        guard case .array(let parts) = argument, parts.count == 2, case .string(let delimiter) = parts[0] else {
            throw .invalid(path, found: argument.foundDescription, expected: "[delimiter, [values]]")
        }
        let listPath = path.index(1)
        guard case .array(let items) = try evaluate(parts[1], at: listPath) else {
            throw .invalid(listPath, found: parts[1].foundDescription, expected: "a list of strings")
        }
        var result = TemplateString("")
        for (index, item) in items.enumerated() {
            guard let text = item.scalarString else {
                throw .invalid(listPath.index(index), found: item.foundDescription, expected: "a string")
            }
            if index > 0 { result.append(.literal(delimiter)) }
            result.append(contentsOf: text)
        }
        return result
    }
}
