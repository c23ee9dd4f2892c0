import DynamoDBTypes

/// One resolved action of an update expression.
enum UpdateAction: Sendable, Equatable {
    /// The value a `SET` action computes.
    indirect enum Value: Sendable, Equatable {
        case path(DocumentPath)
        case value(AttributeValue)
        case ifNotExists(DocumentPath, Value)
        case listAppend(Value, Value)
        case plus(Value, Value)
        case minus(Value, Value)
    }

    case set(DocumentPath, Value)
    case remove(DocumentPath)
    case add(DocumentPath, AttributeValue)
    case delete(DocumentPath, AttributeValue)

    var path: DocumentPath {
        switch self {
        case .set(let path, _), .remove(let path), .add(let path, _), .delete(let path, _): path
        }
    }
}
