extension DynamoDBNumber {
    /// An ASCII string whose byte order equals numeric order, for storing number keys in an
    /// index that compares text (SQLite `BLOB`/`TEXT` with binary collation).
    ///
    /// Layout: a class byte (`1` negative, `2` zero, `3` positive), then for non-zero values the
    /// leading exponent offset by 200 as three digits (for negatives subtracted from 999), then
    /// the digits (for negatives each replaced by 9 − d and followed by `~`, which sorts after
    /// every digit, so that a longer negative mantissa sorts first: `-1.5` before `-1`).
    public var sortKey: String {
        guard let leading = leadingExponent else { return "2" }
        let offset = leading + 200
        if isNegative {
            let complement = digits.map { Character(Unicode.Scalar(UInt8(ascii: "9") - $0)) }
            return "1" + Self.threeDigits(999 - offset) + String(complement) + "~"
        }
        let plain = digits.map { Character(Unicode.Scalar(UInt8(ascii: "0") + $0)) }
        return "3" + Self.threeDigits(offset) + String(plain)
    }

    private static func threeDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
