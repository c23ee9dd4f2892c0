import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Encodes `Encodable` values as DynamoDB items: `String` → S, numbers → N, `Bool` → BOOL, `Data` → B,
/// arrays and sets → L, nested types and dictionaries → M, `Date` → S (ISO 8601), `nil` → attribute left out.
///
/// ```swift
/// let item = try ItemEncoder().encode(message)  // [String: AttributeValue]
/// ```
public struct ItemEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes `value`, which must encode as a keyed container (a struct or a dictionary), as an item.
    /// - Throws: `ItemCodingError` when `value` is not keyed or holds a value DynamoDB cannot store (NaN, ∞).
    public func encode(_ value: some Encodable) throws -> Item {
        guard case .m(let item) = try encodeValue(value) else {
            throw ItemCodingError(
                "an item must encode as a keyed container (a struct or dictionary), found another value")
        }
        return item
    }

    /// Encodes `value` as one attribute value.
    /// - Throws: `ItemCodingError` when `value` holds a value DynamoDB cannot store, or encodes nothing.
    public func encodeValue(_ value: some Encodable) throws -> AttributeValue {
        let box = ValueBox()
        try ItemValueEncoder(box: box, codingPath: []).encodeAny(value)
        guard let result = box.resolved() else {
            throw ItemCodingError("\(type(of: value)) encoded no value")
        }
        return result
    }
}

struct ItemValueEncoder: Encoder {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeMap()
        return KeyedEncodingContainer(KeyedItemEncoder<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeList()
        return UnkeyedItemEncoder(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleItemEncoder(box: box, codingPath: codingPath)
    }

    /// Encodes `value`, mapping the types DynamoDB stores natively before falling back to its `encode(to:)`.
    func encodeAny(_ value: some Encodable) throws {
        if let scalar = try Self.scalar(value, codingPath: codingPath) {
            box.set(scalar)
        } else {
            try value.encode(to: self)
        }
    }

    static func scalar(_ value: some Encodable, codingPath: [any CodingKey]) throws -> AttributeValue? {
        switch value {
        case let value as String: return .s(value)
        case let value as Bool: return .bool(value)
        case let value as Data: return .b(value)
        case let value as Date: return .s(ItemDates.format(value))
        case let value as URL: return .s(value.absoluteString)
        case let value as Decimal: return .n("\(value)")
        case let value as Double: return try number(value, text: "\(value)", codingPath)
        case let value as Float: return try number(Double(value), text: "\(value)", codingPath)
        case let value as any BinaryInteger: return .n("\(value)")
        case let value as AttributeValue: return value
        default: return nil
        }
    }

    private static func number(_ value: Double, text: String, _ codingPath: [any CodingKey]) throws -> AttributeValue {
        guard value.isFinite else {
            throw ItemCodingError("\(ItemCodingPath.render(codingPath)): \(value) is not a number DynamoDB can store")
        }
        if value == value.rounded(), abs(value) < 1e15 { return .n("\(Int64(value))") }
        return .n(text)
    }
}

struct KeyedItemEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ValueBox
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> ValueBox { box.entry(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try ItemValueEncoder(box: child(key), codingPath: codingPath + [key]).encodeAny(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        ItemValueEncoder(box: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ItemValueEncoder(box: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ItemValueEncoder(box: box.entry("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ItemValueEncoder(box: child(key), codingPath: codingPath + [key])
    }
}

struct UnkeyedItemEncoder: UnkeyedEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]

    var count: Int { box.count }

    private func next() -> ValueBox { box.append() }

    private var nextPath: [any CodingKey] { codingPath + [ItemCodingPath.Index(count)] }

    mutating func encodeNil() throws { next().set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        let path = nextPath
        try ItemValueEncoder(box: next(), codingPath: path).encodeAny(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let path = nextPath
        return ItemValueEncoder(box: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return ItemValueEncoder(box: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return ItemValueEncoder(box: next(), codingPath: path)
    }
}

struct SingleItemEncoder: SingleValueEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try ItemValueEncoder(box: box, codingPath: codingPath).encodeAny(value)
    }
}
