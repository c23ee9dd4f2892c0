import Foundation

/// `--env-vars` in SAM CLI's JSON format: `{"FunctionLogicalId": {"VAR": "value"}, "Parameters": {"VAR": "value"}}`.
///
/// `Parameters` apply to every function; a function's own object (by logical ID or function name) wins over them.
/// Unlike SAM, a variable the template does not declare is added rather than ignored.
public struct EnvironmentOverrides: Sendable, Equatable {
    /// Variables for every function.
    public var global: [String: String]
    /// Variables per function logical ID or name.
    public var perFunction: [String: [String: String]]

    /// No overrides.
    public init(global: [String: String] = [:], perFunction: [String: [String: String]] = [:]) {
        self.global = global
        self.perFunction = perFunction
    }

    /// Reads a SAM env-vars file.
    /// - Throws: ``EnvironmentOverridesError`` naming the file and the JSON path of what is wrong.
    public static func load(path: String) throws(EnvironmentOverridesError) -> EnvironmentOverrides {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EnvironmentOverridesError(file: path, path: "$", message: "cannot read the file")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw EnvironmentOverridesError(file: path, path: "$", message: "not valid JSON: \(JSONErrorText.describe(error, in: data))")
        }
        guard let object = root as? [String: Any] else {
            throw EnvironmentOverridesError(
                file: path, path: "$", message: "found \(JSONErrorText.kind(of: root)), expected an object of function names to variables")
        }
        var overrides = EnvironmentOverrides()
        for (key, value) in object {
            let variables = try Self.variables(value, file: path, path: "$.\(key)")
            if key == "Parameters" { overrides.global = variables } else { overrides.perFunction[key] = variables }
        }
        return overrides
    }

    /// The variables for one function.
    public func variables(logicalID: String, name: String) -> [String: String] {
        global.merging(perFunction[logicalID] ?? perFunction[name] ?? [:]) { _, own in own }
    }

    private static func variables(_ value: Any, file: String, path: String) throws(EnvironmentOverridesError) -> [String: String] {
        guard let object = value as? [String: Any] else {
            throw EnvironmentOverridesError(
                file: file, path: path, message: "found \(JSONErrorText.kind(of: value)), expected an object of variable names to strings")
        }
        var variables: [String: String] = [:]
        for (name, raw) in object {
            switch raw {
            case let text as String: variables[name] = text
            case let number as NSNumber where !(raw is Bool): variables[name] = number.stringValue
            case let flag as Bool: variables[name] = flag ? "true" : "false"
            default:
                throw EnvironmentOverridesError(
                    file: file, path: "\(path).\(name)", message: "found \(JSONErrorText.kind(of: raw)), expected a string")
            }
        }
        return variables
    }
}

/// An `--env-vars` file that cannot be used.
public struct EnvironmentOverridesError: Error, CustomStringConvertible, Equatable {
    /// The file.
    public let file: String
    /// Where in it, as a JSON path.
    public let path: String
    /// What is wrong.
    public let message: String

    public var description: String { "\(file): \(path): \(message)" }
}
