#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A DynamoDB stream ARN: `arn:<partition>:dynamodb:<region>:<account>:table/<TableName>/stream/<label>`.
///
/// The label is the stream's creation time in UTC, ISO-8601 with milliseconds and no zone
/// (`2015-06-27T00:48:05.899`); (account, table, label) identifies a stream.
public struct StreamARN: Sendable, Hashable, CustomStringConvertible {
    /// The table the stream belongs to.
    public var table: TableARN
    /// The stream label, e.g. `2015-06-27T00:48:05.899`.
    public var label: String

    /// An ARN from its parts.
    public init(table: TableARN, label: String) {
        self.table = table
        self.label = label
    }

    /// An ARN for a stream created at `createdAt`.
    public init(table: TableARN, createdAt: Date) {
        self.init(table: table, label: Self.label(for: createdAt))
    }

    /// Parses `arn:<partition>:dynamodb:<region>:<account>:table/<name>/stream/<label>`.
    ///
    /// - Throws: ``ARNError`` naming the text and what part is wrong.
    public init(parsing text: String) throws(ARNError) {
        let (prefix, resource) = try TableARN.splitResource(text)
        let parts = resource.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "table", parts[2] == "stream" else {
            throw ARNError(
                text: text,
                problem: "expected resource \"table/<TableName>/stream/<label>\", found \"\(resource)\"")
        }
        let label = String(parts[3])
        guard Self.date(fromLabel: label) != nil else {
            throw ARNError(
                text: text, problem: "expected a stream label like \"2015-06-27T00:48:05.899\", found \"\(label)\"")
        }
        self.init(table: try TableARN(prefix: prefix, tableName: String(parts[1]), text: text), label: label)
    }

    /// The ARN text.
    public var description: String { "\(table)/stream/\(label)" }

    /// The label for a stream created at `date`: UTC, milliseconds truncated, no zone designator.
    public static func label(for date: Date) -> String {
        // A microsecond of slack absorbs binary floating-point error (…05.899 stored as …05.8989999).
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000 + 0.001).rounded(.down))
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let text = Date(timeIntervalSince1970: Double(wholeSeconds)).formatted(secondsStyle)
        let digits = String(millis)
        return text + "." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// The creation time a label encodes, or nil if `label` is not `YYYY-MM-DDTHH:MM:SS.mmm`.
    public static func date(fromLabel label: String) -> Date? {
        let bytes = Array(label.utf8)
        let layout = Array("0000-00-00T00:00:00.000".utf8)
        guard bytes.count == layout.count else { return nil }
        for (byte, expected) in zip(bytes, layout) {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard expected == UInt8(ascii: "0") ? isDigit : byte == expected else { return nil }
        }
        guard let whole = try? secondsStyle.parse(String(label.prefix(19))),
            let millis = Int(label.suffix(3))
        else { return nil }
        let totalMillis = Int64(whole.timeIntervalSince1970.rounded()) * 1000 + Int64(millis)
        return Date(timeIntervalSince1970: Double(totalMillis) / 1000)
    }

    private static let secondsStyle = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().dateSeparator(.dash).dateTimeSeparator(.standard)
        .time(includingFractionalSeconds: false).timeSeparator(.colon)
}

extension StreamARN {
    /// The table's partition (`aws`).
    public var partition: String { table.partition }
    /// The stream's region.
    public var region: String { table.region }
    /// The owning account id.
    public var account: String { table.account }
    /// The table name.
    public var tableName: String { table.tableName }
}
