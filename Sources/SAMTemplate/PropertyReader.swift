/// Reads the properties of one template object at a known path, checking names, types and ranges.
struct PropertyReader {
    let object: JSONObject
    let path: JSONPath
    let evaluator: IntrinsicEvaluator

    /// Wraps `value`, which must be a plain object (not an intrinsic function call).
    init(_ value: JSONValue, at path: JSONPath, evaluator: IntrinsicEvaluator) throws(TemplateIssue) {
        guard case .object(let object) = value else {
            throw .invalid(path, found: value.foundDescription, expected: "an object")
        }
        if let function = object.intrinsicFunctionName {
            throw .unsupported(
                path, found: function,
                expected: "an object written out (lambda-local does not evaluate \(function) here)")
        }
        self.object = object
        self.path = path
        self.evaluator = evaluator
    }

    /// Fails on the first key that is not in `allowed` (typos must not be ignored).
    func checkKeys(allowed: [String]) throws(TemplateIssue) {
        for key in object.keys where !allowed.contains(key) {
            throw TemplateIssue(
                code: .unknownProperty, path: path.key(key), found: "unknown property \(key.jsonQuoted)",
                expected: "one of " + allowed.joined(separator: ", "))
        }
    }

    /// Fails when `key` is absent.
    func require<T>(_ value: T?, _ key: String, expected: String) throws(TemplateIssue) -> T {
        guard let value else { throw .missing(path.key(key), expected: expected) }
        return value
    }

    /// The value of `key` after intrinsic functions; nil when absent.
    func evaluated(_ key: String) throws(TemplateIssue) -> Evaluated? {
        guard let value = object[key] else { return nil }
        return try evaluator.evaluate(value, at: path.key(key))
    }

    /// A nested object.
    func object(_ key: String) throws(TemplateIssue) -> PropertyReader? {
        guard let value = object[key] else { return nil }
        return try PropertyReader(value, at: path.key(key), evaluator: evaluator)
    }

    /// The elements of an array as written, with their paths.
    func array(_ key: String, expected: String = "an array") throws(TemplateIssue) -> [(JSONValue, JSONPath)]? {
        guard let value = object[key] else { return nil }
        guard case .array(let elements) = value else {
            throw .invalid(path.key(key), found: value.foundDescription, expected: expected)
        }
        return elements.enumerated().map { ($1, path.key(key).index($0)) }
    }

    /// A string, with any stream ARN filled in with the load-time label.
    func string(_ key: String, expected: String = "a string") throws(TemplateIssue) -> String? {
        try templateString(key, expected: expected)?.resolved(streamARN: evaluator.symbols.loadTimeStreamARN)
    }

    /// A string that may embed live stream ARNs.
    func templateString(_ key: String, expected: String = "a string") throws(TemplateIssue) -> TemplateString? {
        guard let value = try evaluated(key) else { return nil }
        guard case .string(let string) = value else {
            throw .invalid(path.key(key), found: value.foundDescription, expected: expected)
        }
        return string
    }

    /// An integer in `range`, or `special` (such as -1 for "no limit"); numeric strings count, as in CloudFormation.
    func integer(_ key: String, in range: ClosedRange<Int>, orSpecial special: Int? = nil) throws(TemplateIssue) -> Int?
    {
        guard let value = try evaluated(key) else { return nil }
        var expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        if let special { expected = "\(special) or " + expected }
        let integer: Int? =
            switch value {
            case .integer(let integer): integer
            case .string(let string): string.literal.flatMap { Int($0) }
            default: nil
            }
        guard let integer, range.contains(integer) || integer == special else {
            throw .invalid(path.key(key), found: value.foundDescription, expected: expected)
        }
        return integer
    }

    /// An integer of at least `minimum`.
    func integer(_ key: String, atLeast minimum: Int) throws(TemplateIssue) -> Int? {
        guard let value = try evaluated(key) else { return nil }
        let integer: Int? =
            switch value {
            case .integer(let integer): integer
            case .string(let string): string.literal.flatMap { Int($0) }
            default: nil
            }
        guard let integer, integer >= minimum else {
            throw .invalid(path.key(key), found: value.foundDescription, expected: "an integer of at least \(minimum)")
        }
        return integer
    }

    /// A boolean; the strings `true` and `false` count, as in CloudFormation.
    func bool(_ key: String) throws(TemplateIssue) -> Bool? {
        guard let value = try evaluated(key) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let string) where string.literal == "true": return true
        case .string(let string) where string.literal == "false": return false
        default: throw .invalid(path.key(key), found: value.foundDescription, expected: "true or false")
        }
    }

    /// One of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _ type: Choice.Type, expected: String? = nil
    ) throws(TemplateIssue) -> Choice? where Choice.RawValue == String {
        guard let value = try evaluated(key) else { return nil }
        if case .string(let string) = value, let text = string.literal, let choice = Choice(rawValue: text) {
            return choice
        }
        throw .invalid(
            path.key(key), found: value.foundDescription,
            expected: expected ?? alternatives(Choice.allCases.map(\.rawValue)))
    }
}

/// `a`, `a or b`, or `one of a, b, c`.
func alternatives(_ names: [String]) -> String {
    switch names.count {
    case 0: "nothing"
    case 1: names[0]
    case 2: "\(names[0]) or \(names[1])"
    default: "one of " + names.joined(separator: ", ")
    }
}
