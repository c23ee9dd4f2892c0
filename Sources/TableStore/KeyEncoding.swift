import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Order-preserving byte encodings of key values. SQLite compares BLOBs with memcmp, so encoded
/// keys sort exactly as DynamoDB orders them: S by UTF-8 bytes, B by unsigned bytes, N by value
/// (through ``DynamoDBNumber/sortKey``, whose ASCII bytes order as the numbers do).
///
/// A key column holds one scalar type only, so no type tag is needed.
enum KeyEncoding {
    /// Encodes a scalar key value; `nil` for a type that cannot be a key or a number that does not parse.
    static func encode(_ value: AttributeValue) -> Data? {
        switch value {
        case .s(let string): Data(string.utf8)
        case .b(let bytes): bytes
        case .n(let text): (try? DynamoDBNumber(text)).map { Data($0.sortKey.utf8) }
        default: nil
        }
    }
}
