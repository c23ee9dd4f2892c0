#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes items and attribute values as DynamoDB JSON straight into bytes, without `Encodable`.
///
/// The output is byte for byte what `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`:
/// compact, object keys in `String` order, `/` and non-ASCII text unescaped, `"` `\` and control characters
/// escaped (`\b \f \n \r \t`, others `\u00XX` in lowercase hex). Encoding items through `JSONEncoder`
/// dominated the CPU time of a Query at the HTTP edge.
public struct ItemJSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text as is (punctuation, literals, keys known to need no escaping).
    public mutating func appendRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as is (JSON produced elsewhere).
    public mutating func appendRaw(bytes more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Appends `"key":` for a key that needs no escaping.
    public mutating func appendKey(_ key: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        appendRaw(key)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends a JSON number for an integer.
    public mutating func append(integer: Int) {
        if integer >= 0, integer < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(integer))
        } else {
            bytes.append(contentsOf: String(integer).utf8)
        }
    }

    /// Appends a JSON string.
    public mutating func append(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = string
        text.makeContiguousUTF8()  // a no-op for native strings, the usual case
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil { appendEscaped(Array(text.utf8)) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends an item: an object of attribute values, names in `String` order.
    public mutating func append(item: Item) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (name, value) in item.sorted(by: { $0.key < $1.key }) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(string: name)
            bytes.append(UInt8(ascii: ":"))
            append(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends an array of items.
    public mutating func append(items: [Item]) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(item: item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends an attribute value in its wire form, `{"<type>": <value>}`.
    public mutating func append(_ value: AttributeValue) {
        switch value {
        case .s(let text):
            appendRaw(#"{"S":"#)
            append(string: text)
        case .n(let text):
            appendRaw(#"{"N":"#)
            append(string: text)
        case .b(let data):
            appendRaw(#"{"B":"#)
            append(string: data.base64EncodedString())
        case .ss(let texts):
            appendRaw(#"{"SS":"#)
            append(strings: texts)
        case .ns(let texts):
            appendRaw(#"{"NS":"#)
            append(strings: texts)
        case .bs(let blobs):
            appendRaw(#"{"BS":"#)
            append(strings: blobs.map { $0.base64EncodedString() })
        case .m(let map):
            appendRaw(#"{"M":"#)
            append(item: map)
        case .l(let list):
            appendRaw(#"{"L":["#)
            for (index, element) in list.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .null:
            appendRaw(#"{"NULL":true"#)
        case .bool(let flag):
            if flag { appendRaw(#"{"BOOL":true"#) } else { appendRaw(#"{"BOOL":false"#) }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func append(strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, text) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(string: text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends UTF-8 text escaped for the inside of a JSON string, copying unescaped runs in one go.
    private mutating func appendEscaped(_ text: some RandomAccessCollection<UInt8>) {
        var runStart = text.startIndex
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                index = text.index(after: index)
                continue
            }
            bytes.append(contentsOf: text[runStart..<index])
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                // Control characters other than the five above: \u00XX, lowercase hex.
                func hex(_ digit: UInt8) -> UInt8 {
                    digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                }
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(contentsOf: [hex(byte >> 4), hex(byte & 0x0F)])
            }
            index = text.index(after: index)
            runStart = index
        }
        bytes.append(contentsOf: text[runStart..<index])
    }
}
