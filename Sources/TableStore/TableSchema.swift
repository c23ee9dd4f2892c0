import DynamoDBTypes

/// A key attribute: its name and scalar type.
struct KeyAttribute: Sendable, Equatable {
    var name: String
    var type: ScalarAttributeType
}

/// A primary key or index key: a partition (HASH) attribute and an optional sort (RANGE) attribute.
struct KeyShape: Sendable, Equatable {
    var hash: KeyAttribute
    var range: KeyAttribute?

    /// The key attribute names, partition first.
    var names: [String] { [hash.name] + (range.map { [$0.name] } ?? []) }

    /// Builds the wire key schema.
    var keySchema: [KeySchemaElement] {
        [KeySchemaElement(attributeName: hash.name, keyType: .hash)]
            + (range.map { [KeySchemaElement(attributeName: $0.name, keyType: .range)] } ?? [])
    }
}

/// A secondary index as the engine uses it.
struct IndexSchema: Sendable, Equatable {
    var name: String
    var isGlobal: Bool
    var key: KeyShape
    var projection: Projection
}

/// What the engine needs to know about a table, derived from its stored description.
struct TableSchema: Sendable, Equatable {
    var id: Int64
    var name: String
    var key: KeyShape
    var indexes: [IndexSchema]
    var description: TableDescription
    /// The Time to Live attribute, while TTL is enabled (kept beside the description, which has no place for it).
    var timeToLiveAttribute: String? = nil

    /// The index with this name, or the ValidationException DynamoDB gives for an unknown one.
    func index(named indexName: String) throws(DynamoDBError) -> IndexSchema {
        guard let index = indexes.first(where: { $0.name == indexName }) else {
            throw .validation(
                "The table does not have the specified index: \(indexName)")
        }
        return index
    }

    /// The active stream's ARN and view type, when the table has a stream enabled.
    var activeStream: (arn: String, viewType: StreamViewType)? {
        guard let spec = description.streamSpecification, spec.streamEnabled,
            let viewType = spec.streamViewType, let arn = description.latestStreamArn
        else { return nil }
        return (arn, viewType)
    }
}
