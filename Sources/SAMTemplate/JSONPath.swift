/// A JSONPath to a value in the template, such as `$.Resources.Echo.Properties.Timeout`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// The document itself.
    static let root = JSONPath(description: "$")

    let description: String

    /// The path of member `key`; keys that are not plain names are written in brackets.
    func key(_ key: String) -> JSONPath {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { Self.plainKeyScalars.contains($0) }
        if plain { return JSONPath(description: description + "." + key) }
        return JSONPath(description: description + "[" + key.jsonQuoted + "]")
    }

    /// The path of element `index`.
    func index(_ index: Int) -> JSONPath {
        JSONPath(description: description + "[\(index)]")
    }

    // CloudFormation names (logical IDs, `Fn::GetAtt`, `AWS::Region`) read best unbracketed.
    private static let plainKeyScalars = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:".unicodeScalars)
}

/// A problem found while reading the template, before the file name is attached.
struct TemplateIssue: Error {
    var code: TemplateError.Code
    var path: JSONPath
    var found: String
    var expected: String

    /// The public error for `file`.
    func error(file: String) -> TemplateError {
        TemplateError(code: code, file: file, path: path.description, found: found, expected: expected)
    }

    /// A value of the wrong type or out of range.
    static func invalid(_ path: JSONPath, found: String, expected: String) -> TemplateIssue {
        TemplateIssue(code: .invalidValue, path: path, found: found, expected: expected)
    }

    /// A required property that is absent.
    static func missing(_ path: JSONPath, expected: String) -> TemplateIssue {
        TemplateIssue(code: .missingProperty, path: path, found: "nothing", expected: expected)
    }

    /// A construct this emulator does not run.
    static func unsupported(_ path: JSONPath, found: String, expected: String) -> TemplateIssue {
        TemplateIssue(code: .unsupportedFeature, path: path, found: found, expected: expected)
    }
}

extension JSONValue {
    /// How an error message shows this value: scalars as written (long strings shortened), containers by kind.
    ///
    /// Containers are not printed so that environment values and item contents stay out of messages.
    var foundDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)  // written with a fraction or exponent: "3.0", not "3"
        case .string(let value):
            value.count > 80 ? String(String(value.prefix(77)).jsonQuoted.dropLast()) + "...\"" : value.jsonQuoted
        case .array(let elements): elements.isEmpty ? "an empty array" : "an array"
        case .object(let object):
            if let name = object.intrinsicFunctionName {
                "\(name)"
            } else {
                object.isEmpty ? "an empty object" : "an object"
            }
        }
    }
}

extension JSONObject {
    /// The function name if this object is an intrinsic function call (`Ref`, `Condition` or `Fn::*`).
    var intrinsicFunctionName: String? {
        guard count == 1, let key = keys.first else { return nil }
        return key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") ? key : nil
    }
}

extension Double {
    /// The number as JSON and CloudFormation print it: `2` for integral values, `1.5` otherwise.
    var jsonText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}

extension String {
    /// The string in double quotes with JSON escapes.
    var jsonQuoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
