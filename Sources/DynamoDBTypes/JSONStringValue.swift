/// A value written to JSON as its string form and validated when read (numbers, sequence numbers, shard ids).
public protocol JSONStringValue: Codable, CustomStringConvertible {
    /// The error a malformed string gives.
    associatedtype ParseError: Error & CustomStringConvertible
    /// Parses and validates the string form.
    init(_ text: String) throws(ParseError)
}

extension JSONStringValue {
    /// Decodes and validates a JSON string; a malformed one is `dataCorrupted` with the parse error's message.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the value as its string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
