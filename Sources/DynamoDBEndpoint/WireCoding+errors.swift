import DynamoDBTypes
import TableStore

extension WireCoding {
    /// DynamoDB's error for a body that is not one strict JSON object.
    static func translate(_ problem: RequestBodyCheck.Problem) -> DynamoDBError {
        switch problem {
        case .malformed(let offset, let expected):
            DynamoDBError(.serialization, "The request body is not valid JSON: expected \(expected) at byte \(offset)")
        case .notAnObject:
            DynamoDBError(.serialization, "The request body must be a JSON object")
        case .duplicateKey(let key, let offset):
            DynamoDBError(.serialization, "The request body has the key \"\(key)\" twice in one object, at byte \(offset)")
        case .tooDeep:
            DynamoDBError(
                .validation,
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"
            )
        }
    }

    /// DynamoDB's error for a body that is not the operation's input shape.
    static func translate(_ error: DecodingError) -> DynamoDBError {
        switch error {
        case .keyNotFound(let key, let context):
            return missing(at: context.codingPath + [key])
        case .valueNotFound(_, let context):
            return missing(at: context.codingPath)
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                return DynamoDBError(.serialization, "The request body must be a JSON object")
            }
            return DynamoDBError(
                .serialization, "Unexpected value at '\(path(context.codingPath))': expected \(kind(of: type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return DynamoDBError(.serialization, "The request body is not valid JSON")
            }
            if let enumeration = invalidEnumeration(context.debugDescription) {
                return DynamoDBError(
                    .validation,
                    "1 validation error detected: Value '\(enumeration.value)' at '\(path(context.codingPath))' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [\(enumeration.allowed.joined(separator: ", "))]"
                )
            }
            return DynamoDBError(
                .validation,
                "One or more parameter values were invalid: \(context.debugDescription) at '\(path(context.codingPath))'"
            )
        @unknown default:
            return DynamoDBError(.serialization, "The request body could not be read: \(error)")
        }
    }

    /// The ValidationException for a required member that is absent or null.
    private static func missing(at codingPath: [any CodingKey]) -> DynamoDBError {
        DynamoDBError(
            .validation,
            "1 validation error detected: Value null at '\(path(codingPath))' failed to satisfy constraint: Member must not be null"
        )
    }

    /// A member path as DynamoDB's validation messages write it: `transactItems.1.member.put.tableName`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { key in
            if let index = key.intValue { return "\(index + 1).member" }
            return key.stringValue.prefix(1).lowercased() + key.stringValue.dropFirst()
        }.joined(separator: ".")
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is [Any].Type: "a list"
        default: "a structure or map"
        }
    }

    /// The wire enumerations by Swift type name, for the values DynamoDB lists in its message.
    private static let enumerations: [String: [String]] = [
        "\(BillingMode.self)": BillingMode.allCases.map(\.rawValue),
        "\(KeyType.self)": KeyType.allCases.map(\.rawValue),
        "\(ProjectionType.self)": ProjectionType.allCases.map(\.rawValue),
        "\(ReturnConsumedCapacity.self)": ReturnConsumedCapacity.allCases.map(\.rawValue),
        "\(ReturnItemCollectionMetrics.self)": ReturnItemCollectionMetrics.allCases.map(\.rawValue),
        "\(ReturnValue.self)": ReturnValue.allCases.map(\.rawValue),
        "\(ReturnValuesOnConditionCheckFailure.self)": ReturnValuesOnConditionCheckFailure.allCases.map(\.rawValue),
        "\(ScalarAttributeType.self)": ScalarAttributeType.allCases.map(\.rawValue),
        "\(Select.self)": Select.allCases.map(\.rawValue),
        "\(ShardIteratorType.self)": ShardIteratorType.allCases.map(\.rawValue),
        "\(StreamViewType.self)": StreamViewType.allCases.map(\.rawValue),
    ]

    /// Reads the standard library's message for a raw value no case has:
    /// `Cannot initialize ReturnValue from invalid String value SOME`.
    private static func invalidEnumeration(_ description: String) -> (value: String, allowed: [String])? {
        guard let match = description.firstMatch(of: /^Cannot initialize (\w+) from invalid String value (.*)$/),
            let allowed = enumerations[String(match.1)]
        else { return nil }
        return (String(match.2), allowed)
    }
}
