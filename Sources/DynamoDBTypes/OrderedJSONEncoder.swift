#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON encoder that writes object keys in the order `encode(to:)` encodes them.
///
/// Foundation's `JSONEncoder` on Linux emits keys in hash order (it differs between runs), so
/// it cannot reproduce AWS's field order (`eventID, eventName, …, eventSourceARN`). This encoder
/// keeps encode order, writes compact JSON by default (or indented), never escapes `/`, and
/// writes whole-valued doubles without a fraction (`1428537600`, not `1428537600.0`).
/// A Swift `Dictionary` still comes out in its iteration order, which varies between runs: encode
/// maps key by key in sorted order where the text matters (``AttributeValue`` and stream images do).
public struct OrderedJSONEncoder: Sendable {
    /// Spaces per nesting level; nil writes compact JSON with no whitespace.
    public var indent: Int?

    /// Creates an encoder; pass `indent: 2` for pretty-printed output.
    public init(indent: Int? = nil) {
        self.indent = indent
    }

    /// Encodes `value` as UTF-8 JSON bytes.
    public func encode(_ value: some Encodable) throws -> Data {
        Data(try encodeToString(value).utf8)
    }

    /// Encodes `value` as a JSON string.
    public func encodeToString(_ value: some Encodable) throws -> String {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var output = ""
        write(root, into: &output, depth: 0)
        return output
    }

    private func write(_ node: JSONNode, into output: inout String, depth: Int) {
        switch node.content {
        case .unset, .null: output += "null"
        case .literal(let text): output += text
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                write(element, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "]"
        case .object(let pairs):
            if pairs.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                Self.writeString(pair.key, into: &output)
                output += indent == nil ? ":" : ": "
                write(pair.node, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "}"
        }
    }

    private func newline(into output: inout String, depth: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: " ", count: indent * depth)
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

/// Why a value could not be encoded by ``OrderedJSONEncoder``.
public struct OrderedJSONEncodingError: Error, Sendable, CustomStringConvertible {
    /// What was wrong and where (a coding path such as `Records.0.dynamodb`).
    public let description: String
}
