extension TemplateParser {
    private static let parameterKeys = [
        "AllowedPattern", "AllowedValues", "ConstraintDescription", "Default", "Description", "MaxLength",
        "MaxValue", "MinLength", "MinValue", "NoEcho", "Type",
    ]

    /// Reads `Parameters` and gives each one its override or its `Default`; a parameter with neither is an error,
    /// and so is an override for a parameter the template does not declare.
    static func parseParameters(
        _ section: JSONValue?, overrides: [String: String]
    ) throws(TemplateIssue) -> [String: SymbolTable.ParameterValue] {
        let sectionPath = JSONPath.root.key("Parameters")
        var declared = JSONObject()
        if let section {
            guard case .object(let object) = section else {
                throw .invalid(sectionPath, found: section.foundDescription, expected: "an object")
            }
            declared = object
        }
        for name in overrides.keys.sorted() where declared[name] == nil {
            throw TemplateIssue(
                code: .unresolvedReference, path: sectionPath, found: "an override for \(name.jsonQuoted)",
                expected: declared.isEmpty
                    ? "no overrides (the template declares no parameters)"
                    : "overrides for declared parameters only: " + declared.keys.joined(separator: ", "))
        }
        var values: [String: SymbolTable.ParameterValue] = [:]
        for (name, value) in declared.pairs {
            values[name] = try parseParameter(name, value, override: overrides[name], at: sectionPath.key(name))
        }
        return values
    }

    private static func parseParameter(
        _ name: String, _ declaration: JSONValue, override: String?, at path: JSONPath
    ) throws(TemplateIssue) -> SymbolTable.ParameterValue {
        guard case .object(let object) = declaration else {
            throw .invalid(path, found: declaration.foundDescription, expected: "an object with a Type")
        }
        for key in object.keys where !parameterKeys.contains(key) {
            throw TemplateIssue(
                code: .unknownProperty, path: path.key(key), found: "unknown property \(key.jsonQuoted)",
                expected: "one of " + parameterKeys.joined(separator: ", "))
        }
        guard case .string(let type)? = object["Type"] else {
            throw .invalid(
                path.key("Type"), found: object["Type"]?.foundDescription ?? "nothing",
                expected: "a parameter type such as String, Number or CommaDelimitedList")
        }
        let isList = type == "CommaDelimitedList" || type.hasPrefix("List<")
        let isNumber = type == "Number" || type == "List<Number>"
        if type.hasPrefix("AWS::SSM::Parameter::") {
            throw .unsupported(
                path.key("Type"), found: type.jsonQuoted,
                expected: "a type whose value is in the template (lambda-local does not read SSM parameters)")
        }
        guard
            ["String", "Number", "CommaDelimitedList"].contains(type) || type.hasPrefix("List<")
                || type.hasPrefix("AWS::")
        else {
            throw .invalid(
                path.key("Type"), found: type.jsonQuoted,
                expected: "String, Number, CommaDelimitedList, List<Number> or an AWS-specific parameter type")
        }

        let text: String
        let valuePath: JSONPath
        if let override {
            text = override
            valuePath = path
        } else if let defaultValue = object["Default"] {
            valuePath = path.key("Default")
            switch defaultValue {
            case .string(let string): text = string
            case .integer, .number, .bool: text = defaultValue.foundDescription
            default: throw .invalid(valuePath, found: defaultValue.foundDescription, expected: "a string")
            }
        } else {
            throw .missing(path.key("Default"), expected: "a Default or a parameter override for \(name.jsonQuoted)")
        }
        let items = isList ? text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [text]
        for item in items {
            try checkConstraints(item, isNumber: isNumber, object: object, path: path, valuePath: valuePath)
        }
        return isList ? .list(items) : .string(text)
    }

    private static func checkConstraints(
        _ value: String, isNumber: Bool, object: JSONObject, path: JSONPath, valuePath: JSONPath
    ) throws(TemplateIssue) {
        let found = value.jsonQuoted
        if isNumber, Double(value) == nil {
            throw .invalid(valuePath, found: found, expected: "a number")
        }
        if case .array(let allowed)? = object["AllowedValues"] {
            let allowedTexts = allowed.map { $0.stringValue ?? $0.foundDescription }
            guard allowedTexts.contains(value) else {
                throw .invalid(
                    valuePath, found: found,
                    expected: "one of the AllowedValues " + allowedTexts.joined(separator: ", "))
            }
        }
        if case .integer(let minimum)? = object["MinLength"], value.count < minimum {
            throw .invalid(valuePath, found: found, expected: "at least \(minimum) characters (MinLength)")
        }
        if case .integer(let maximum)? = object["MaxLength"], value.count > maximum {
            throw .invalid(valuePath, found: found, expected: "at most \(maximum) characters (MaxLength)")
        }
        if let number = Double(value) {
            if let minimum = object["MinValue"].flatMap(numericValue), number < minimum {
                throw .invalid(valuePath, found: found, expected: "at least \(minimum.jsonText) (MinValue)")
            }
            if let maximum = object["MaxValue"].flatMap(numericValue), number > maximum {
                throw .invalid(valuePath, found: found, expected: "at most \(maximum.jsonText) (MaxValue)")
            }
        }
        if case .string(let pattern)? = object["AllowedPattern"] {
            guard let regex = try? Regex(pattern) else {
                throw .invalid(path.key("AllowedPattern"), found: pattern.jsonQuoted, expected: "a regular expression")
            }
            guard (try? regex.wholeMatch(in: value)) != nil else {
                throw .invalid(
                    valuePath, found: found, expected: "a value matching AllowedPattern \(pattern.jsonQuoted)")
            }
        }
    }

    private static func numericValue(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        case .string(let string): Double(string)
        default: nil
        }
    }
}
