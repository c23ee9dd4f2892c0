/// Names a template table whose live stream ARN a value needs.
public struct StreamReference: Hashable, Sendable {
    /// The table's logical ID in `Resources`.
    public var tableLogicalID: String
    /// The table's name (`TableName`, or the logical ID when absent).
    public var tableName: String

    /// Creates a reference.
    public init(tableLogicalID: String, tableName: String) {
        self.tableLogicalID = tableLogicalID
        self.tableName = tableName
    }
}

/// Turns a stream reference into the stream's ARN; the emulator passes one that knows each table's live label.
public typealias StreamARNResolver = (StreamReference) -> String

/// A string from the template that may embed the ARN of a table's stream, which only the running emulator knows.
///
/// Everything else (parameters, pseudo parameters, names, other ARNs) is resolved at load time.
public struct TemplateString: Hashable, Sendable, CustomStringConvertible {
    /// A literal run of text or a stream ARN to be filled in.
    public enum Part: Hashable, Sendable {
        case literal(String)
        case streamARN(StreamReference)
    }

    /// The parts in order; adjacent literals are joined.
    public private(set) var parts: [Part]

    /// Creates a string from parts.
    public init(parts: [Part]) {
        self.parts = []
        for part in parts { append(part) }
    }

    /// Creates a literal string.
    public init(_ literal: String) {
        self.init(parts: [.literal(literal)])
    }

    /// The text if the string has no stream ARN in it.
    public var literal: String? {
        if parts.isEmpty { return "" }
        if parts.count == 1, case .literal(let text) = parts[0] { return text }
        return nil
    }

    /// The tables whose stream ARNs this string embeds.
    public var streamReferences: [StreamReference] {
        parts.compactMap { if case .streamARN(let reference) = $0 { reference } else { nil } }
    }

    /// The text with each stream ARN supplied by `streamARN`.
    public func resolved(streamARN: StreamARNResolver) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .streamARN(let reference): streamARN(reference)
            }
        }.joined()
    }

    /// The string with stream ARNs shown as `${Table.StreamArn}`.
    public var description: String {
        resolved { "${\($0.tableLogicalID).StreamArn}" }
    }

    /// Appends a part, joining it to a preceding literal.
    mutating func append(_ part: Part) {
        if case .literal(let text) = part {
            if text.isEmpty { return }
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + text)
                return
            }
        }
        parts.append(part)
    }

    /// Appends every part of `other`.
    mutating func append(contentsOf other: TemplateString) {
        for part in other.parts { append(part) }
    }
}
