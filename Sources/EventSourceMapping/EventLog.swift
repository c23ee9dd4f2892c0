import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON event log of stream records: JSON Lines (one record, or one `{"Records":[…]}` event, per line) or a
/// single `{"Records":[…]}` document. Records must come in increasing sequence-number order, as a shard has them.
public struct EventLog: Sendable {
    /// The records in order.
    public var records: [StreamRecord]

    /// Reads the log in `text`; `file` names it in errors.
    ///
    /// - Throws: ``EventLogError`` with the file, the line and what is wrong.
    public init(text: String, file: String) throws(EventLogError) {
        // Each record with the line it came from (nil for a whole `{"Records":[…]}` document).
        var numbered: [(line: Int?, record: StreamRecord)] = []
        if Self.isEventDocument(Substring(text)) {
            do {
                numbered = try Self.decodeEvent(Substring(text)).map { (nil, $0) }
            } catch {
                throw EventLogError(file: file, line: nil, message: Self.describe(error))
            }
        } else {
            for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                do {
                    let records = Self.isEventDocument(line) ? try Self.decodeEvent(line) : [try Self.decodeRecord(line)]
                    numbered += records.map { (index + 1, $0) }
                } catch {
                    throw EventLogError(file: file, line: index + 1, message: Self.describe(error))
                }
            }
        }
        var previous: SequenceNumber?
        for (index, entry) in numbered.enumerated() {
            let number: SequenceNumber
            do {
                number = try SequenceNumber(entry.record.dynamodb.sequenceNumber)
            } catch {
                throw EventLogError(file: file, line: entry.line, message: "record \(index + 1): \(error)")
            }
            if let previous, number <= previous {
                throw EventLogError(
                    file: file, line: entry.line,
                    message:
                        "record \(index + 1): SequenceNumber \"\(number)\" does not follow \"\(previous)\"; a log must list records in shard order"
                )
            }
            previous = number
        }
        self.records = numbered.map(\.record)
    }

    /// Reads the log at `path`.
    ///
    /// - Throws: ``EventLogError`` when the file cannot be read or is not a log.
    public init(contentsOfFile path: String) throws(EventLogError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EventLogError(
                file: path, line: nil,
                message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    private static func decodeEvent(_ text: Substring) throws -> [StreamRecord] {
        try JSONDecoder().decode(DynamoDBStreamEvent.self, from: Data(text.utf8)).records
    }

    private static func decodeRecord(_ line: Substring) throws -> StreamRecord {
        try JSONDecoder().decode(StreamRecord.self, from: Data(line.utf8))
    }

    /// Whether `text` is one JSON object with a `Records` key (an event rather than a record).
    private static func isEventDocument(_ text: Substring) -> Bool {
        (try? JSONDecoder().decode(RecordsKeyProbe.self, from: Data(text.utf8)))?.hasRecords ?? false
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "not a stream record: \(error)" }
        let path: [any CodingKey]
        let detail: String
        switch decoding {
        case .keyNotFound(let key, let context):
            (path, detail) = (context.codingPath + [key], "is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            (path, detail) = (context.codingPath, "has the wrong type (\(context.debugDescription))")
        case .dataCorrupted(let context):
            (path, detail) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, detail) = ([], "\(decoding)")
        }
        let where_ = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return where_.isEmpty ? "not a stream record: \(detail)" : "not a stream record: $\(where_) \(detail)"
    }
}

/// Why a file is not an event log.
public struct EventLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The 1-based line, for JSON Lines errors.
    public var line: Int?
    /// What is wrong.
    public var message: String

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Decodes any JSON object, noting whether it has a `Records` key.
private struct RecordsKeyProbe: Decodable {
    let hasRecords: Bool

    init(from decoder: any Decoder) throws {
        hasRecords = try decoder.container(keyedBy: NameKey.self).contains(NameKey(stringValue: "Records"))
    }
}
