import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Validates attribute values as DynamoDB does and brings them to canonical form: numbers
/// normalised (`1.50` → `1.5`), sets sorted (S and B by bytes, N by value), so two items are
/// equal exactly when DynamoDB considers them the same data.
enum ItemNormalization {
    /// The item in canonical form.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException for a bad number, an empty or duplicated set, an empty
    ///   attribute name, or values nested deeper than DynamoDB's 32 levels.
    static func normalize(_ item: Item) throws(DynamoDBError) -> Item {
        var result = Item(minimumCapacity: item.count)
        for (name, value) in item {
            if name.isEmpty { throw emptyName }
            result[name] = try normalize(value)
        }
        return result
    }

    /// The deepest nesting DynamoDB stores: a scalar is one level, each map or list around it one more.
    static let maximumNesting = 32

    /// DynamoDB's error for values nested deeper than ``maximumNesting``.
    static let nestingError = DynamoDBError.validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit")

    /// The error for an attribute named "": DynamoDB Local's message (DynamoDB's own could not be found).
    static let emptyName = DynamoDBError.validation("Empty attribute name")

    /// One value in canonical form; `level` is how deep the value sits (1 for an attribute's own value).
    static func normalize(_ value: AttributeValue, level: Int = 1) throws(DynamoDBError) -> AttributeValue {
        if level > maximumNesting { throw nestingError }
        switch value {
        case .s, .b, .null, .bool: return value
        case .n(let text): return .n(try number(text).description)
        case .ss(let strings):
            try checkSet(strings.count, kind: "string")
            let sorted = strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            try checkDuplicates(sorted, render: { $0 })
            return .ss(sorted)
        case .ns(let texts):
            try checkSet(texts.count, kind: "number")
            var numbers: [DynamoDBNumber] = []
            for text in texts { numbers.append(try number(text)) }
            let sorted = numbers.sorted()
            try checkDuplicates(sorted, render: \.description)
            return .ns(sorted.map(\.description))
        case .bs(let blobs):
            try checkSet(blobs.count, kind: "binary")
            let sorted = blobs.sorted { $0.lexicographicallyPrecedes($1) }
            try checkDuplicates(sorted, render: { $0.base64EncodedString() })
            return .bs(sorted)
        case .m(let map):
            var result: [String: AttributeValue] = [:]
            for (name, element) in map { result[name] = try normalize(element, level: level + 1) }
            return .m(result)
        case .l(let list):
            var result: [AttributeValue] = []
            result.reserveCapacity(list.count)
            for element in list { result.append(try normalize(element, level: level + 1)) }
            return .l(result)
        }
    }

    /// Parses a number, turning DynamoDB's NumberError into a ValidationException.
    static func number(_ text: String) throws(DynamoDBError) -> DynamoDBNumber {
        do {
            return try DynamoDBNumber(text)
        } catch {
            throw .validation(error.description)
        }
    }

    private static func checkSet(_ count: Int, kind: String) throws(DynamoDBError) {
        // DynamoDB's message really has "An" and two spaces.
        if count == 0 {
            throw .validation("One or more parameter values were invalid: An \(kind) set  may not be empty")
        }
    }

    private static func checkDuplicates<T: Equatable>(_ sorted: [T], render: (T) -> String) throws(DynamoDBError) {
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] {
            throw .validation(
                "One or more parameter values were invalid: Input collection [\(sorted.map(render).joined(separator: ", "))] contains duplicates."
            )
        }
    }
}
