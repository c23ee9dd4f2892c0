#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stream shard id: `shardId-` + 20 digits + `-` + 8 lowercase hex, e.g.
/// `shardId-00000001573689847184-864758bb` (the digits are the creation time in epoch milliseconds).
public struct ShardID: Sendable, Hashable, Comparable, CustomStringConvertible, JSONStringValue {
    /// The id text.
    public let description: String

    /// The id of a shard created at `createdAt`, with `suffix` (random on AWS) as 8 hex digits.
    public init(createdAt: Date, suffix: UInt32) {
        let millis = String(max(0, Int64((createdAt.timeIntervalSince1970 * 1000).rounded(.down))))
        let hex = String(suffix, radix: 16)
        self.description =
            "shardId-" + String(repeating: "0", count: max(0, 20 - millis.count)) + millis
            + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Validates `text` against `shardId-<20 digits>-<8 hex>`.
    ///
    /// - Throws: ``ShardIDError`` naming the text.
    public init(_ text: String) throws(ShardIDError) {
        let bytes = Array(text.utf8)
        let prefix = Array("shardId-".utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let isHex = { (byte: UInt8) in isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) }
        guard bytes.count == 37, bytes.starts(with: prefix), bytes[28] == UInt8(ascii: "-"),
            bytes[8..<28].allSatisfy(isDigit), bytes[29...].allSatisfy(isHex)
        else { throw ShardIDError(text: text) }
        self.description = text
    }

    /// Orders by text, which is creation order for ids made here (fixed-width digits first).
    public static func < (lhs: ShardID, rhs: ShardID) -> Bool { lhs.description < rhs.description }
}

/// Why a string is not a shard id.
public struct ShardIDError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The rejected text.
    public let text: String

    /// An error for `text`.
    public init(text: String) {
        self.text = text
    }

    /// `Invalid ShardId "<text>": expected shardId-<20 digits>-<8 hex digits>`.
    public var description: String { "Invalid ShardId \"\(text)\": expected shardId-<20 digits>-<8 hex digits>" }
}
