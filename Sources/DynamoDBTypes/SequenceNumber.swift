/// A stream record's sequence number: a string of decimal digits ordered as a big integer.
///
/// AWS's are 21–40 digits and lengths differ between shards (`800000000003126276362` <
/// `1100000000000136137170`), so they must not be compared as text. Equality and order are by
/// numeric value; ``description`` keeps the text as given.
///
/// Numbers made here are `<shard><counter as 20 digits>`: a shard number ≥ 1 followed by the
/// shard's record counter zero-padded to 20 digits (`UInt64.max` has 20 digits). Within a shard the
/// numeric order is the counter order, hence creation order; a later shard with a larger number
/// sorts after every earlier one, and the string grows when the shard number gains a digit.
public struct SequenceNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as given.
    public let description: String
    /// The digits without leading zeros ("0" for zero); equality, hashing and order use this.
    private let significant: Substring

    /// Validates `text`: 1–40 decimal digits (AWS emits 21–40; docs samples use shorter ones like `111`).
    ///
    /// - Throws: ``SequenceNumberError`` naming the text.
    public init(_ text: String) throws(SequenceNumberError) {
        guard !text.isEmpty, text.utf8.count <= 40,
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw SequenceNumberError(text: text) }
        self.description = text
        let trimmed = text.drop { $0 == "0" }
        self.significant = trimmed.isEmpty ? "0" : trimmed
    }

    /// The `counter`-th record of shard number `shard` (≥ 1): at least 21 digits.
    public init(shard: Int, counter: UInt64) {
        precondition(shard >= 1, "shard numbers start at 1")
        let digits = String(counter)
        let text = String(shard) + String(repeating: "0", count: 20 - digits.count) + digits
        self.description = text
        self.significant = Substring(text)
    }

    /// Numeric order: a shorter number (without leading zeros) is smaller; equal lengths compare digit by digit.
    public static func < (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool {
        if lhs.significant.utf8.count != rhs.significant.utf8.count {
            return lhs.significant.utf8.count < rhs.significant.utf8.count
        }
        return lhs.significant.utf8.lexicographicallyPrecedes(rhs.significant.utf8)
    }

    /// Equal when numerically equal (`0111` == `111`).
    public static func == (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool {
        lhs.significant == rhs.significant
    }

    /// Hashes the numeric value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(significant)
    }
}

extension SequenceNumber: JSONStringValue {}

/// Why a string is not a sequence number.
public struct SequenceNumberError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The rejected text.
    public let text: String

    /// An error for `text`.
    public init(text: String) {
        self.text = text
    }

    /// `Invalid SequenceNumber "<text>": expected 1 to 40 decimal digits`.
    public var description: String { "Invalid SequenceNumber \"\(text)\": expected 1 to 40 decimal digits" }
}
