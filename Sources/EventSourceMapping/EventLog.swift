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
        let trimmed = text.drop { $0.isWhitespace }
        var records: [StreamRecord] = []
        if trimmed.hasPrefix("{"), let whole = try? Self.decodeEvent(Substring(text)) {
            records = whole
        } else {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                do {
                    records += try Self.decodeLine(line)
                } catch {
                    throw EventLogError(file: file, line: index + 1, message: Self.describe(error))
                }
            }
        }
        var previous: SequenceNumber?
        for (index, record) in records.enumerated() {
            let number: SequenceNumber
            do {
                number = try SequenceNumber(record.dynamodb.sequenceNumber)
            } catch {
                throw EventLogError(file: file, line: nil, message: "record \(index + 1): \(error)")
            }
            if let previous, number <= previous {
                throw EventLogError(
                    file: file, line: nil,
                    message:
                        "record \(index + 1): SequenceNumber \"\(number)\" does not follow \"\(previous)\"; a log must list records in shard order"
                )
            }
            previous = number
        }
        self.records = records
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

    private static func decodeLine(_ line: Substring) throws -> [StreamRecord] {
        if line.contains("\"Records\""), let records = try? decodeEvent(line) { return records }
        return [try JSONDecoder().decode(StreamRecord.self, from: Data(line.utf8))]
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
