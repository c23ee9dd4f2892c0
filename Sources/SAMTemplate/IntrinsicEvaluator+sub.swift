extension IntrinsicEvaluator {
    /// The value of `Fn::Sub "text"` or `Fn::Sub ["text", {variables}]`.
    ///
    /// `${Name}` is a variable, a parameter, a pseudo parameter or a resource (as `Ref`); `${Resource.Attribute}`
    /// is `Fn::GetAtt`; `${!Literal}` writes `${Literal}`.
    func sub(_ argument: JSONValue, at path: JSONPath) throws(TemplateIssue) -> TemplateString {
        var text: String
        var variables: [String: TemplateString] = [:]
        switch argument {
        case .string(let string):
            text = string
        case .array(let parts) where parts.count == 2:
            guard case .string(let string) = parts[0], case .object(let object) = parts[1],
                object.intrinsicFunctionName == nil
            else {
                throw .invalid(path, found: argument.foundDescription, expected: "[\"text\", {variables}]")
            }
            text = string
            let variablesPath = path.index(1)
            for (name, value) in object.pairs {
                let evaluated = try evaluate(value, at: variablesPath.key(name))
                guard let string = evaluated.scalarString else {
                    throw .invalid(variablesPath.key(name), found: evaluated.foundDescription, expected: "a string")
                }
                variables[name] = string
            }
        default:
            throw .invalid(path, found: argument.foundDescription, expected: "\"text\" or [\"text\", {variables}]")
        }
        var result = TemplateString("")
        while let start = text.firstRange(of: "${") {
            result.append(.literal(String(text[..<start.lowerBound])))
            let rest = text[start.upperBound...]
            if rest.hasPrefix("!") {
                result.append(.literal("${"))
                text = String(rest.dropFirst())
                continue
            }
            guard let end = rest.firstIndex(of: "}") else {
                throw .invalid(path, found: argument.foundDescription, expected: "a '}' closing each '${'")
            }
            let name = String(rest[..<end])
            result.append(contentsOf: try subVariable(name, variables: variables, at: path))
            text = String(rest[rest.index(after: end)...])
        }
        result.append(.literal(text))
        return result
    }

    private func subVariable(
        _ name: String, variables: [String: TemplateString], at path: JSONPath
    ) throws(TemplateIssue) -> TemplateString {
        if let value = variables[name] { return value }
        if name.isEmpty {
            throw .invalid(path, found: "\"${}\"", expected: "a variable name inside '${}'")
        }
        if !name.hasPrefix("AWS::"), let dot = name.firstIndex(of: ".") {
            return try getAtt(String(name[..<dot]), String(name[name.index(after: dot)...]), at: path)
        }
        let value = try ref(name, at: path)
        guard let string = value.scalarString else {
            throw .invalid(
                path, found: "${\(name)} naming a list parameter", expected: "a variable with a string value")
        }
        return string
    }
}
