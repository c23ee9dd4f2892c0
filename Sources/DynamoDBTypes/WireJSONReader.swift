#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads well-formed DynamoDB JSON requests straight from their bytes, without `Decodable`.
///
/// A fast path only: it accepts exactly the documents `JSONDecoder` would read to the same value and throws
/// ``Miss`` on anything else (malformed JSON, a duplicate key, a number that is not a plain integer, an
/// attribute value that is not exactly one known type, invalid UTF-8, deep nesting), so the caller falls back
/// to `JSONDecoder` and its error messages. Whitespace is JSON's: space, tab, line feed, carriage return.
public struct WireJSONReader: ~Copyable {
    /// Why the fast path gave up; the caller decodes the document with `JSONDecoder` instead.
    public struct Miss: Error, CustomStringConvertible, Sendable {
        /// The byte offset where reading stopped.
        public let offset: Int
        /// What was expected there.
        public let expected: String
        /// The offset and what was expected.
        public var description: String { "not on the fast path at byte \(offset): expected \(expected)" }
    }

    // Internal for the scanning helpers in WireJSONReader+scanning.swift.
    let buffer: UnsafeRawBufferPointer
    var offset = 0
    var depth = 0
    static let maxDepth = 64

    private init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    /// Runs `body` over the JSON document in `data` and checks that only whitespace follows what it read;
    /// nil when the document is not on the fast path.
    public static func read<T>(_ data: Data, _ body: (inout WireJSONReader) throws(Miss) -> T) -> T? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> T? in
            var reader = WireJSONReader(buffer)
            do {
                let value = try body(&reader)
                reader.skipWhitespace()
                guard reader.offset == buffer.count else { throw reader.miss("the end of the document") }
                return value
            } catch {
                return nil
            }
        }
    }

    // MARK: Structure

    /// Reads an object, calling `member` with each key; `member` must read (or skip) the value.
    /// - Throws: ``Miss`` for a malformed object or a key that appears twice.
    public mutating func readObject(_ member: (inout WireJSONReader, String) throws(Miss) -> Void) throws(Miss) {
        try enter(UInt8(ascii: "{"))
        var seen: [String] = []
        if try consumeIf(UInt8(ascii: "}")) { return leave() }
        repeat {
            skipWhitespace()
            let key = try readString()
            if seen.contains(key) { throw miss("a key other than \"\(key)\", which appeared before") }
            seen.append(key)
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while try consumeIf(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        leave()
    }

    /// Reads an array, calling `element` for each element; `element` must read (or skip) it.
    public mutating func readArray(_ element: (inout WireJSONReader) throws(Miss) -> Void) throws(Miss) {
        try enter(UInt8(ascii: "["))
        if try consumeIf(UInt8(ascii: "]")) { return leave() }
        repeat {
            try element(&self)
        } while try consumeIf(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        leave()
    }

    /// Consumes a `null` if one comes next; true if it did (an absent optional member).
    public mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        offset += 4
        return true
    }

    /// Skips any one JSON value, checking that it is well-formed.
    public mutating func skipValue() throws(Miss) {
        skipWhitespace()
        guard offset < buffer.count else { throw miss("a value") }
        switch buffer[offset] {
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "{"): try readObject { reader, _ throws(Miss) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader throws(Miss) in try reader.skipValue() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"):
            if !consumeNull() { throw miss("null") }
        default: try skipNumber()
        }
    }

    // MARK: Scalars

    /// Reads a string.
    /// - Throws: ``Miss`` for a malformed string, a lone surrogate or invalid UTF-8.
    public mutating func readString() throws(Miss) -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        while offset < buffer.count {
            let byte = buffer[offset]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(UnsafeRawBufferPointer(rebasing: buffer[start..<offset]))
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if byte < 0x20 { throw miss("no control character inside a string") }
            offset += 1
        }
        throw miss("the end of a string")
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(Miss) -> Bool {
        skipWhitespace()
        if matches("true") {
            offset += 4
            return true
        }
        if matches("false") {
            offset += 5
            return false
        }
        throw miss("true or false")
    }

    /// Reads a non-negative integer written without fraction or exponent (anything else is not on the fast path).
    public mutating func readInt() throws(Miss) -> Int {
        skipWhitespace()
        let start = offset
        var value = 0
        while offset < buffer.count, let digit = Self.digit(buffer[offset]) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw miss("an integer that fits in Int") }
            value = sum
            offset += 1
        }
        let count = offset - start
        guard count > 0, count == 1 || buffer[start] != UInt8(ascii: "0") else { throw miss("a plain integer") }
        if offset < buffer.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(buffer[offset]) {
            throw miss("an integer without fraction or exponent")
        }
        return value
    }

    // MARK: DynamoDB values

    /// Reads an attribute value: an object with exactly one of S, N, B, SS, NS, BS, M, L, NULL (true), BOOL.
    public mutating func readAttributeValue() throws(Miss) -> AttributeValue {
        var result: AttributeValue?
        try readObject { reader, type throws(Miss) in
            if result != nil { throw reader.miss("one type per attribute value") }
            switch type {
            case "S": result = .s(try reader.readString())
            case "N": result = .n(try reader.readString())
            case "B": result = .b(try reader.readBase64())
            case "SS": result = .ss(try reader.readStrings())
            case "NS": result = .ns(try reader.readStrings())
            case "BS":
                var blobs: [Data] = []
                try reader.readArray { reader throws(Miss) in blobs.append(try reader.readBase64()) }
                result = .bs(blobs)
            case "M": result = .m(try reader.readItem())
            case "L":
                var list: [AttributeValue] = []
                try reader.readArray { reader throws(Miss) in list.append(try reader.readAttributeValue()) }
                result = .l(list)
            case "NULL":
                guard try reader.readBool() else { throw reader.miss("NULL true") }
                result = .null
            case "BOOL": result = .bool(try reader.readBool())
            default: throw reader.miss("an attribute value type, not \"\(type)\"")
            }
        }
        guard let result else { throw miss("an attribute value type") }
        return result
    }

    /// Reads an item (or key, or map value): names to attribute values.
    public mutating func readItem() throws(Miss) -> Item {
        var item: Item = [:]
        try readObject { reader, name throws(Miss) in item[name] = try reader.readAttributeValue() }
        return item
    }

    /// Reads an object of strings (ExpressionAttributeNames).
    public mutating func readStringMap() throws(Miss) -> [String: String] {
        var map: [String: String] = [:]
        try readObject { reader, name throws(Miss) in map[name] = try reader.readString() }
        return map
    }

    /// Reads an array of strings.
    public mutating func readStrings() throws(Miss) -> [String] {
        var texts: [String] = []
        try readArray { reader throws(Miss) in texts.append(try reader.readString()) }
        return texts
    }

    private mutating func readBase64() throws(Miss) -> Data {
        guard let data = Data(base64Encoded: try readString()) else { throw miss("base64") }
        return data
    }
}

extension WireJSONReader {
    /// The ``Miss`` for the current position.
    public func miss(_ expected: String) -> Miss { Miss(offset: offset, expected: expected) }

    /// Reads a string that must be one of `Value`'s raw values.
    public mutating func readEnum<Value: RawRepresentable<String>>(_ type: Value.Type) throws(Miss) -> Value {
        guard let value = Value(rawValue: try readString()) else { throw miss("a \(Value.self) value") }
        return value
    }

    /// Reads an optional string member: nil for `null`.
    public mutating func readOptionalString() throws(Miss) -> String? { consumeNull() ? nil : try readString() }

    /// Reads an optional boolean member: nil for `null`.
    public mutating func readOptionalBool() throws(Miss) -> Bool? { consumeNull() ? nil : try readBool() }

    /// Reads an optional integer member: nil for `null`.
    public mutating func readOptionalInt() throws(Miss) -> Int? { consumeNull() ? nil : try readInt() }

    /// Reads an optional item member: nil for `null`.
    public mutating func readOptionalItem() throws(Miss) -> Item? { consumeNull() ? nil : try readItem() }

    /// Reads an optional string map member: nil for `null`.
    public mutating func readOptionalStringMap() throws(Miss) -> [String: String]? {
        consumeNull() ? nil : try readStringMap()
    }

    /// Reads an optional enumeration member: nil for `null`.
    public mutating func readOptionalEnum<Value: RawRepresentable<String>>(_ type: Value.Type) throws(Miss) -> Value? {
        consumeNull() ? nil : try readEnum(type)
    }
}
