/// Turns a parsed pattern document into ``PatternNode``s, rejecting what Lambda rejects.
///
/// Keys are visited in sorted order so that, of several problems, the same one is always reported.
enum PatternCompiler {
    /// Operators a matcher object may name.
    static let operators = ["prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists"]
    /// EventBridge operators that Lambda event filtering is not documented to accept; rejected.
    static let unsupportedOperators: Set<String> = ["wildcard", "cidr", "$or"]

    /// Compiles the whole pattern, which must be a non-empty JSON object.
    static func compileRoot(_ document: FilterDocument) throws(FilterPatternError) -> [String: PatternNode] {
        guard case .object(let fields) = document else {
            throw FilterPatternError(
                .notAnObject, "The pattern must be a JSON object, found \(document.shortDescription).")
        }
        guard !fields.isEmpty else {
            throw FilterPatternError(.emptyObject, "The pattern must name at least one field, found {}.")
        }
        return try compileFields(fields, path: "")
    }

    private static func compileFields(
        _ fields: [String: FilterDocument], path: String
    ) throws(FilterPatternError) -> [String: PatternNode] {
        var nodes: [String: PatternNode] = [:]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let fieldPath = path.isEmpty ? key : path + "." + key
            // `$or` sits where a field name would; other operator names are ordinary field names there.
            if key == "$or" {
                throw FilterPatternError(
                    .unsupportedOperator, at: fieldPath, "\"$or\" is not supported by Lambda event filtering.")
            }
            nodes[key] = try compileField(value, path: fieldPath)
        }
        return nodes
    }

    private static func compileField(_ value: FilterDocument, path: String) throws(FilterPatternError) -> PatternNode {
        switch value {
        case .object(let fields):
            guard !fields.isEmpty else {
                throw FilterPatternError(.emptyObject, at: path, "an object must name at least one field, found {}.")
            }
            return .fields(try compileFields(fields, path: path))
        case .array(let elements):
            guard !elements.isEmpty else {
                throw FilterPatternError(.emptyMatcherList, at: path, "the array of matchers is empty.")
            }
            var matchers: [Matcher] = []
            for (index, element) in elements.enumerated() {
                matchers.append(try compileMatcher(element, path: "\(path)[\(index)]"))
            }
            return .leaf(matchers)
        default:
            throw FilterPatternError(
                .invalidField, at: path,
                "a field needs an array of matchers or an object, found \(value.shortDescription).")
        }
    }

    private static func compileMatcher(_ value: FilterDocument, path: String) throws(FilterPatternError) -> Matcher {
        switch value {
        case .string(let text): return .string(text)
        case .number(let literal, _): return .number(literal: literal)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .array:
            throw FilterPatternError(
                .invalidOperand, at: path,
                "a matcher must be a string, number, boolean, null or operator object, found an array.")
        case .object(let fields):
            guard fields.count == 1, let (name, operand) = fields.first else {
                let names = fields.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                throw FilterPatternError(
                    .invalidOperand, at: path,
                    "a matcher object needs exactly one operator, found \(fields.isEmpty ? "none" : names).")
            }
            return try compileOperator(name, operand, path: path)
        }
    }

    private static func compileOperator(
        _ name: String, _ operand: FilterDocument, path: String
    ) throws(FilterPatternError) -> Matcher {
        switch name {
        case "prefix", "suffix":
            let (text, ignoringCase) = try affixOperand(name, operand, path: path)
            return name == "prefix"
                ? .prefix(text, ignoringCase: ignoringCase) : .suffix(text, ignoringCase: ignoringCase)
        case "equals-ignore-case":
            return .equalsIgnoreCase(try string(of: operand, for: name, path: path).lowercased())
        case "exists":
            guard case .bool(let flag) = operand else {
                throw FilterPatternError(
                    .invalidOperand, at: path, "\"exists\" needs true or false, found \(operand.shortDescription).")
            }
            return .exists(flag)
        case "numeric":
            return .numeric(try NumericRange(parsing: operand, path: path))
        case "anything-but":
            return .anythingBut(try anythingButOperand(operand, path: path))
        default:
            if unsupportedOperators.contains(name) {
                throw FilterPatternError(
                    .unsupportedOperator, at: path, "\"\(name)\" is not supported by Lambda event filtering.")
            }
            throw FilterPatternError(
                .unknownOperator, at: path,
                "unknown operator \"\(name)\"; expected one of \(operators.joined(separator: ", ")).")
        }
    }

    /// The operand of `prefix`/`suffix`: a string, or `{"equals-ignore-case": string}` (returned lowercased).
    private static func affixOperand(
        _ name: String, _ operand: FilterDocument, path: String
    ) throws(FilterPatternError) -> (String, ignoringCase: Bool) {
        if case .object(let fields) = operand {
            guard fields.count == 1, case .string(let text)? = fields["equals-ignore-case"] else {
                throw FilterPatternError(
                    .invalidOperand, at: path,
                    "\"\(name)\" needs a string or {\"equals-ignore-case\": string}, found \(describeObject(fields)).")
            }
            return (text.lowercased(), true)
        }
        return (try string(of: operand, for: name, path: path), false)
    }

    private static func anythingButOperand(_ operand: FilterDocument, path: String) throws(FilterPatternError)
        -> [Matcher]
    {
        switch operand {
        case .string(let text): return [.string(text)]
        case .number(let literal, _): return [.number(literal: literal)]
        case .array(let elements):
            guard !elements.isEmpty else {
                throw FilterPatternError(
                    .invalidOperand, at: path, "\"anything-but\" needs at least one value, found [].")
            }
            var matchers: [Matcher] = []
            for element in elements {
                switch element {
                case .string(let text): matchers.append(.string(text))
                case .number(let literal, _): matchers.append(.number(literal: literal))
                default:
                    throw FilterPatternError(
                        .invalidOperand, at: path,
                        "\"anything-but\" list entries must be strings or numbers, found \(element.shortDescription).")
                }
            }
            return matchers
        case .object(let fields):
            return try anythingButObject(fields, path: path)
        default:
            throw FilterPatternError(
                .invalidOperand, at: path,
                "\"anything-but\" needs a string, a number, an array of them or an object, "
                    + "found \(operand.shortDescription).")
        }
    }

    /// `{"anything-but": {"prefix": s}}`, `{"suffix": s}` or `{"equals-ignore-case": s | [s]}`.
    private static func anythingButObject(
        _ fields: [String: FilterDocument], path: String
    ) throws(FilterPatternError) -> [Matcher] {
        let expected = "\"anything-but\" object needs exactly one of prefix, suffix or equals-ignore-case"
        guard fields.count == 1, let (name, inner) = fields.first else {
            throw FilterPatternError(.invalidOperand, at: path, "\(expected), found \(describeObject(fields)).")
        }
        let label = "anything-but\" \"\(name)"
        switch name {
        case "prefix":
            return [.prefix(try string(of: inner, for: label, path: path), ignoringCase: false)]
        case "suffix":
            return [.suffix(try string(of: inner, for: label, path: path), ignoringCase: false)]
        case "equals-ignore-case":
            let texts: [FilterDocument]
            if case .array(let elements) = inner, !elements.isEmpty { texts = elements } else { texts = [inner] }
            var matchers: [Matcher] = []
            for text in texts {
                matchers.append(.equalsIgnoreCase(try string(of: text, for: label, path: path).lowercased()))
            }
            return matchers
        default:
            if unsupportedOperators.contains(name) {
                throw FilterPatternError(
                    .unsupportedOperator, at: path, "\"\(label)\" is not supported by Lambda event filtering.")
            }
            throw FilterPatternError(.unknownOperator, at: path, "\(expected), found \"\(name)\".")
        }
    }

    private static func string(of operand: FilterDocument, for name: String, path: String) throws(FilterPatternError)
        -> String
    {
        guard case .string(let text) = operand else {
            throw FilterPatternError(
                .invalidOperand, at: path, "\"\(name)\" needs a string, found \(operand.shortDescription).")
        }
        return text
    }

    private static func describeObject(_ fields: [String: FilterDocument]) -> String {
        fields.isEmpty ? "{}" : "an object with " + fields.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
