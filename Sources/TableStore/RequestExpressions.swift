import DynamoDBExpressions
import DynamoDBTypes

extension DynamoDBError {
    /// An expression error as the ValidationException DynamoDB returns.
    init(_ error: ExpressionError) {
        self.init(.validation, error.message)
    }
}

/// Parses the expressions of one request against its ExpressionAttributeNames/Values.
struct RequestExpressions {
    var attributes: ExpressionAttributes
    private let hasExpressions: Bool

    /// Starts a request; `hasExpressions` tells whether any expression parameter was given.
    init(names: [String: String]?, values: [String: AttributeValue]?, hasExpressions: Bool) throws(DynamoDBError) {
        if !hasExpressions {
            if names != nil {
                throw .validation("ExpressionAttributeNames can only be specified when using expressions")
            }
            if values != nil {
                throw .validation("ExpressionAttributeValues can only be specified when using expressions")
            }
        }
        var normalized: [String: AttributeValue]?
        if let values {
            var result: [String: AttributeValue] = [:]
            for (placeholder, value) in values { result[placeholder] = try ItemNormalization.normalize(value) }
            normalized = result
        }
        do {
            attributes = try ExpressionAttributes(names: names, values: normalized)
        } catch {
            throw DynamoDBError(error)
        }
        self.hasExpressions = hasExpressions
    }

    /// Parses a ConditionExpression or FilterExpression.
    mutating func condition(_ source: String?, kind: ExpressionKind = .condition) throws(DynamoDBError)
        -> ConditionExpression?
    {
        guard let source else { return nil }
        do {
            return try ConditionExpression.parse(source, kind: kind, attributes: &attributes)
        } catch {
            throw DynamoDBError(error)
        }
    }

    /// Parses a ProjectionExpression.
    mutating func projection(_ source: String?) throws(DynamoDBError) -> ProjectionExpression? {
        guard let source else { return nil }
        do {
            return try ProjectionExpression.parse(source, attributes: &attributes)
        } catch {
            throw DynamoDBError(error)
        }
    }

    /// Rejects names or values no expression used.
    func finish() throws(DynamoDBError) {
        do {
            try attributes.checkAllUsed()
        } catch {
            throw DynamoDBError(error)
        }
    }
}
