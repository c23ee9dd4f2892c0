import DynamoDBTypes

/// The `ExpressionAttributeNames` and `ExpressionAttributeValues` of one request, and which of them the
/// request's expressions used.
///
/// Parse every expression of the request with the same value (it is passed `inout`), then call
/// ``checkAllUsed()``: DynamoDB rejects a request that defines a name or value no expression uses.
public struct ExpressionAttributes: Sendable {
    /// `#placeholder` → attribute name.
    public let names: [String: String]
    /// `:placeholder` → value.
    public let values: [String: AttributeValue]
    /// The `#placeholders` the expressions parsed so far referred to.
    public private(set) var usedNames: Set<String> = []
    /// The `:placeholders` the expressions parsed so far referred to.
    public private(set) var usedValues: Set<String> = []

    /// Checks the maps' keys as DynamoDB does; `nil` means the request did not carry the parameter.
    /// - Throws: "ExpressionAttributeNames must not be empty", "ExpressionAttributeNames contains invalid key:
    ///   Syntax error; key: \"a\"" and the same for values; "ExpressionAttributeNames contains invalid value:
    ///   Empty attribute name for key #a" for a name mapped to ""; a placeholder over 255 bytes, or names and
    ///   values over 2 MB (each map, and both together).
    public init(names: [String: String]? = nil, values: [String: AttributeValue]? = nil) throws(ExpressionError) {
        if let names {
            if names.isEmpty { throw ExpressionError(message: "ExpressionAttributeNames must not be empty") }
            for key in names.keys.sorted() {
                if !Self.isPlaceholder(key, sigil: "#") {
                    throw ExpressionError(
                        message: "ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(key)\"")
                }
                if names[key]?.isEmpty == true {
                    throw ExpressionError(
                        message: "ExpressionAttributeNames contains invalid value: Empty attribute name for key \(key)")
                }
            }
        }
        if let values {
            if values.isEmpty { throw ExpressionError(message: "ExpressionAttributeValues must not be empty") }
            for key in values.keys.sorted() where !Self.isPlaceholder(key, sigil: ":") {
                throw ExpressionError(
                    message: "ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(key)\"")
            }
        }
        try Self.checkSizes(names: names ?? [:], values: values ?? [:])
        self.names = names ?? [:]
        self.values = values ?? [:]
    }

    /// "The maximum length of any single expression attribute name or expression attribute value is 255 bytes."
    static let maximumPlaceholderBytes = 255
    /// "The maximum length of all substitution variables in an expression is 2 MB."
    static let maximumSubstitutionBytes = 2 * 1024 * 1024

    /// The placeholders' lengths and the maps' sizes (placeholders plus names, placeholders plus values as
    /// DynamoDB sizes them), each map alone and both together, with DynamoDB Local's messages.
    private static func checkSizes(names: [String: String], values: [String: AttributeValue]) throws(ExpressionError) {
        if names.keys.contains(where: { $0.utf8.count > maximumPlaceholderBytes })
            || values.keys.contains(where: { $0.utf8.count > maximumPlaceholderBytes })
        {
            throw ExpressionError(message: "The expression attribute map contains a key that is too long")
        }
        let namesBytes = names.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if namesBytes > maximumSubstitutionBytes {
            throw ExpressionError(message: "ExpressionAttributeNames exceeds max size")
        }
        let valuesBytes = values.reduce(0) { $0 + $1.key.utf8.count + ItemSize.of($1.value) }
        if valuesBytes > maximumSubstitutionBytes {
            throw ExpressionError(message: "ExpressionAttributeValues exceeds max size")
        }
        if namesBytes + valuesBytes > maximumSubstitutionBytes {
            throw ExpressionError(
                message: "Combined size of ExpressionAttributeNames and ExpressionAttributeValues exceeds max size")
        }
    }

    /// Rejects names or values that no parsed expression used (keys listed in sorted order).
    /// - Throws: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}" (names are
    ///   checked before values).
    public func checkAllUsed() throws(ExpressionError) {
        let unusedNames = Set(names.keys).subtracting(usedNames).sorted()
        if !unusedNames.isEmpty {
            throw ExpressionError(
                message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + unusedNames.joined(separator: ", ") + "}")
        }
        let unusedValues = Set(values.keys).subtracting(usedValues).sorted()
        if !unusedValues.isEmpty {
            throw ExpressionError(
                message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + unusedValues.joined(separator: ", ") + "}")
        }
    }

    mutating func recordUse(names newNames: Set<String>, values newValues: Set<String>) {
        usedNames.formUnion(newNames)
        usedValues.formUnion(newValues)
    }

    private static func isPlaceholder(_ key: String, sigil: Character) -> Bool {
        guard key.first == sigil, key.count > 1 else { return false }
        return key.dropFirst().unicodeScalars.allSatisfy { $0.isExpressionWordCharacter }
    }
}

extension Unicode.Scalar {
    /// Letters, digits and underscore: the characters of names, placeholders and keywords.
    var isExpressionWordCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: true
        default: false
        }
    }
}
