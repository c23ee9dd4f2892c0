import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A primary key in stored form: partition and sort key bytes (empty sort bytes for hash-only keys).
struct EncodedKey: Hashable, Sendable {
    var pk: Data
    var sk: Data
}

extension KeyShape {
    /// The encoded primary key of a full item (PutItem), with DynamoDB's messages for a missing
    /// key attribute, a type mismatch or an empty value.
    func encodedKey(ofItem item: Item) throws(DynamoDBError) -> EncodedKey {
        func part(_ attribute: KeyAttribute) throws(DynamoDBError) -> Data {
            guard let value = item[attribute.name] else {
                throw .validation(
                    "One or more parameter values were invalid: Missing the key \(attribute.name) in the item")
            }
            guard value.typeDescriptor == attribute.type.rawValue else {
                throw .validation(
                    "One or more parameter values were invalid: Type mismatch for key \(attribute.name) expected: \(attribute.type.rawValue) actual: \(value.typeDescriptor)"
                )
            }
            try Self.checkSize(value, partition: attribute.name == hash.name)
            return try Self.encode(value, name: attribute.name)
        }
        return EncodedKey(pk: try part(hash), sk: try range.map { (r) throws(DynamoDBError) in try part(r) } ?? Data())
    }

    /// The encoded primary key given as a `Key` parameter (GetItem, DeleteItem, UpdateItem, …): it must
    /// hold exactly the key attributes with the right types.
    func encodedKey(ofKey key: Item) throws(DynamoDBError) -> EncodedKey {
        let mismatch = DynamoDBError.validation("The provided key element does not match the schema")
        guard key.count == names.count else { throw mismatch }
        func part(_ attribute: KeyAttribute) throws(DynamoDBError) -> Data {
            guard let value = key[attribute.name], value.typeDescriptor == attribute.type.rawValue else {
                throw mismatch
            }
            try Self.checkSize(value, partition: attribute.name == hash.name)
            return try Self.encode(value, name: attribute.name)
        }
        return EncodedKey(pk: try part(hash), sk: try range.map { (r) throws(DynamoDBError) in try part(r) } ?? Data())
    }

    /// The key attributes of an item (for stream `Keys` and LastEvaluatedKey).
    func keyAttributes(of item: Item) -> Item {
        var key: Item = [:]
        for name in names { key[name] = item[name] }
        return key
    }

    /// The longest partition key value, in bytes (UTF-8 for strings).
    static let maximumPartitionKeyBytes = 2048
    /// The longest sort key value, in bytes.
    static let maximumSortKeyBytes = 1024

    /// Rejects a string or binary key value over DynamoDB's limit, with DynamoDB's messages (the missing space
    /// in "limit of2048" is DynamoDB's).
    static func checkSize(_ value: AttributeValue, partition: Bool) throws(DynamoDBError) {
        let bytes: Int
        switch value {
        case .s(let string): bytes = string.utf8.count
        case .b(let data): bytes = data.count
        default: return
        }
        if partition, bytes > maximumPartitionKeyBytes {
            throw .validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of\(maximumPartitionKeyBytes) bytes"
            )
        }
        if !partition, bytes > maximumSortKeyBytes {
            throw .validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of \(maximumSortKeyBytes) bytes"
            )
        }
    }

    /// Encodes one key value, rejecting empty strings and binaries.
    static func encode(_ value: AttributeValue, name: String) throws(DynamoDBError) -> Data {
        switch value {
        case .s(let string) where string.isEmpty:
            throw .validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: \(name)"
            )
        case .b(let bytes) where bytes.isEmpty:
            throw .validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: \(name)"
            )
        case .n(let text):
            return Data(try ItemNormalization.number(text).sortKey.utf8)
        default:
            guard let data = KeyEncoding.encode(value) else {
                throw .validation("The provided key element does not match the schema")
            }
            return data
        }
    }
}
