/// Why a value could not be mapped to or from an item; the message names the coding path and the value.
public struct ItemCodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Coding-path helpers shared by the encoder and the decoder.
enum ItemCodingPath {
    /// A position in a list.
    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    /// `a.b[2].c`, or `the item` for the root.
    static func render(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the item" }
        var text = ""
        for key in path {
            if let index = key.intValue, key is Index {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return "\"\(text)\""
    }
}
