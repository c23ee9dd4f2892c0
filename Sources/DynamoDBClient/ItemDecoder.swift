import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes `Decodable` values from DynamoDB items, the inverse of ``ItemEncoder``: S → `String` (or `Date`, `URL`),
/// N → numbers, BOOL → `Bool`, B → `Data`, L/SS/NS/BS → arrays and sets, M → nested types and dictionaries;
/// a missing attribute or NULL reads as `nil`.
///
/// ```swift
/// let message = try ItemDecoder().decode(Message.self, from: output.item ?? [:])
/// ```
public struct ItemDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a `T` from `item`.
    /// - Throws: `ItemCodingError` naming the attribute path, the expected type and the type found.
    public func decode<T: Decodable>(_ type: T.Type, from item: Item) throws -> T {
        try decode(type, fromValue: .m(item))
    }

    /// Decodes a `T` from one attribute value.
    /// - Throws: `ItemCodingError` naming the attribute path, the expected type and the type found.
    public func decode<T: Decodable>(_ type: T.Type, fromValue value: AttributeValue) throws -> T {
        try ItemValueDecoder(value: value, codingPath: []).decodeAny(type)
    }
}

struct ItemValueDecoder: Decoder {
    let value: AttributeValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .m(let map) = value else { throw mismatch("M") }
        return KeyedDecodingContainer(KeyedItemDecoder<Key>(map: map, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let elements: [AttributeValue]
        switch value {
        case .l(let list): elements = list
        case .ss(let strings): elements = strings.map(AttributeValue.s)
        case .ns(let numbers): elements = numbers.map(AttributeValue.n)
        case .bs(let binaries): elements = binaries.map(AttributeValue.b)
        default: throw mismatch("L")
        }
        return UnkeyedItemDecoder(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleItemDecoder(decoder: self) }

    /// The error for a value of the wrong type.
    func mismatch(_ expected: String) -> ItemCodingError {
        ItemCodingError("\(ItemCodingPath.render(codingPath)): expected \(expected), found \(value.typeDescriptor)")
    }

    /// Decodes a `T`, reading the types DynamoDB stores natively before falling back to `T(from:)`.
    func decodeAny<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == AttributeValue.self, let value = value as? T { return value }
        if T.self == String.self {
            guard case .s(let text) = value else { throw mismatch("S") }
            return try cast(text)
        }
        if T.self == Bool.self {
            guard case .bool(let flag) = value else { throw mismatch("BOOL") }
            return try cast(flag)
        }
        if T.self == Data.self {
            guard case .b(let bytes) = value else { throw mismatch("B") }
            return try cast(bytes)
        }
        if T.self == Date.self {
            guard case .s(let text) = value else { throw mismatch("S (an ISO 8601 date)") }
            guard let date = ItemDates.parse(text) else {
                throw ItemCodingError("\(ItemCodingPath.render(codingPath)): \"\(text)\" is not an ISO 8601 date")
            }
            return try cast(date)
        }
        if T.self == URL.self {
            guard case .s(let text) = value else { throw mismatch("S (a URL)") }
            guard let url = URL(string: text) else {
                throw ItemCodingError("\(ItemCodingPath.render(codingPath)): \"\(text)\" is not a URL")
            }
            return try cast(url)
        }
        if let number = try self.number(type) { return number }
        return try T(from: self)
    }

    /// A number type read from N; nil when `T` is not a number type.
    private func number<T>(_ type: T.Type) throws -> T? {
        let parse: ((String) -> Any?)?
        switch type {
        case is Decimal.Type: parse = { Decimal(string: $0) }
        case is Double.Type: parse = { Double($0) }
        case is Float.Type: parse = { Float($0) }
        case let integer as any FixedWidthInteger.Type:
            parse = { text in integer.init(text) ?? Self.integral(text, as: integer) }
        default: parse = nil
        }
        guard let parse else { return nil }
        guard case .n(let text) = value else { throw mismatch("N") }
        guard let number = parse(text) as? T else {
            throw ItemCodingError("\(ItemCodingPath.render(codingPath)): \"\(text)\" does not fit in \(T.self)")
        }
        return number
    }

    /// `1E+2` and `100.0` read as integers when they are whole and in range.
    private static func integral<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> I? {
        guard let value = Double(text), value == value.rounded() else { return nil }
        return I(exactly: value)
    }

    private func cast<T, V>(_ value: V) throws -> T {
        guard let typed = value as? T else { throw mismatch("\(T.self)") }
        return typed
    }
}

struct KeyedItemDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let map: [String: AttributeValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { map[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = map[key.stringValue] else { return true }
        return value == .null
    }

    private func decoder(_ key: Key) throws -> ItemValueDecoder {
        guard let value = map[key.stringValue] else {
            throw ItemCodingError("\(ItemCodingPath.render(codingPath + [key])): the attribute is missing")
        }
        return ItemValueDecoder(value: value, codingPath: codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(key).decodeAny(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ItemValueDecoder(value: map["super"] ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

struct UnkeyedItemDecoder: UnkeyedDecodingContainer {
    let elements: [AttributeValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [AttributeValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> ItemValueDecoder {
        let path = codingPath + [ItemCodingPath.Index(currentIndex)]
        guard !isAtEnd else {
            throw ItemCodingError("\(ItemCodingPath.render(path)): the list has only \(elements.count) elements")
        }
        defer { currentIndex += 1 }
        return ItemValueDecoder(value: elements[currentIndex], codingPath: path)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeAny(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleItemDecoder: SingleValueDecodingContainer {
    let decoder: ItemValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeAny(type) }
}
