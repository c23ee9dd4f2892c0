/// A DynamoDB number: an exact decimal of at most 38 significant digits whose magnitude lies
/// between 1E-130 and 9.9999999999999999999999999999999999999E+125 (or zero).
///
/// Values are kept normalised (no leading or trailing zeros, no negative zero), so the synthesised
/// `==` and `hash(into:)` compare by value: `1.0 == 1`, and equal values have equal descriptions.
public struct DynamoDBNumber: Sendable, Hashable {
    /// DynamoDB's limit on significant digits.
    public static let maximumSignificantDigits = 38
    /// The largest power of ten a leading digit may have (9.99…E+125).
    public static let maximumLeadingExponent = 125
    /// The smallest power of ten a leading digit may have (1E-130).
    public static let minimumLeadingExponent = -130

    /// True for values below zero; never true for zero.
    public let isNegative: Bool
    /// Significant digits, most significant first, each 0…9; no leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The power of ten of the last digit: value = ±digits × 10^exponent. Zero for zero.
    let exponent: Int

    /// Builds a value from parts, normalising them; `digits` may carry leading and trailing zeros.
    init(negative: Bool, digits: some Collection<UInt8>, exponent: Int) {
        let leading = digits.prefix { $0 == 0 }.count
        var kept = Array(digits.dropFirst(leading))
        var exponent = exponent
        while kept.last == 0 {
            kept.removeLast()
            exponent += 1
        }
        if kept.isEmpty {
            self.isNegative = false
            self.digits = []
            self.exponent = 0
        } else {
            self.isNegative = negative
            self.digits = kept
            self.exponent = exponent
        }
    }

    /// Parses and validates `text` as DynamoDB does, accepting forms such as `1`, `+3`, `-1.50`,
    /// `.5`, `5.`, `0001.23`, `1e2`, `1E+2`, `-17.4E37` (no spaces, no `NaN`/`Infinity`).
    ///
    /// - Throws: ``NumberError`` with DynamoDB's message for text that is not a number, for more
    ///   than 38 significant digits, and for magnitudes outside 1E-130…9.99…E+125.
    public init(_ text: String) throws(NumberError) {
        guard let parsed = Self.parse(text) else { throw .notNumeric(text) }
        try parsed.validate()
        self = parsed
    }

    /// An integer as a number (every `Int` is within DynamoDB's range).
    public init(_ value: Int) {
        let magnitude = value.magnitude
        let digits = String(magnitude).utf8.map { $0 - UInt8(ascii: "0") }
        self.init(negative: value < 0, digits: digits, exponent: 0)
    }

    /// True when the value is zero.
    public var isZero: Bool { digits.isEmpty }

    /// How many significant digits the normalised value has (0 for zero); `1.50` has 2, `100` has 1.
    public var significantDigitCount: Int { digits.count }

    /// The power of ten of the leading digit (`123` → 2, `0.05` → -2); nil for zero.
    public var leadingExponent: Int? { isZero ? nil : exponent + digits.count - 1 }

    /// The same magnitude with the opposite sign.
    public func negated() -> DynamoDBNumber {
        DynamoDBNumber(negative: !isNegative, digits: digits, exponent: exponent)
    }

    /// Checks DynamoDB's precision and range limits.
    func validate() throws(NumberError) {
        guard let leading = leadingExponent else { return }
        if digits.count > Self.maximumSignificantDigits { throw .tooManyDigits }
        if leading > Self.maximumLeadingExponent { throw .overflow }
        if leading < Self.minimumLeadingExponent { throw .underflow }
    }

    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]` with at least one mantissa digit; nil otherwise.
    private static func parse(_ text: String) -> DynamoDBNumber? {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if let digit = decimalDigit(byte) {
                mantissa.append(digit)
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !mantissa.isEmpty else { return nil }
        var written = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            guard let value = parseExponent(bytes[index...]) else { return nil }
            written = value
            index = bytes.count
        }
        return DynamoDBNumber(negative: negative, digits: mantissa, exponent: written - fractionDigits)
    }

    /// Reads `[+-]digits`; saturates far beyond any valid exponent so huge exponents still fail range checks.
    private static func parseExponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        let saturation = 1 << 40
        var value = 0
        for byte in rest {
            guard let digit = decimalDigit(byte) else { return nil }
            value = min(saturation, value * 10 + Int(digit))
        }
        return negative ? -value : value
    }

    private static func decimalDigit(_ byte: UInt8) -> UInt8? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte - UInt8(ascii: "0") : nil
    }
}

extension DynamoDBNumber: CustomStringConvertible {
    /// The plain decimal DynamoDB returns: `100`, `-1.5`, `0.0015`, `0` (never an exponent).
    public var description: String {
        if isZero { return "0" }
        var text = isNegative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if exponent >= 0 {
            text.append(contentsOf: characters)
            text.append(String(repeating: "0", count: exponent))
        } else {
            let point = digits.count + exponent
            if point > 0 {
                text.append(contentsOf: characters[..<point])
                text.append(".")
                text.append(contentsOf: characters[point...])
            } else {
                text.append("0.")
                text.append(String(repeating: "0", count: -point))
                text.append(contentsOf: characters)
            }
        }
        return text
    }
}

extension DynamoDBNumber: Comparable {
    /// Orders by numeric value (`-2 < -1.5 < 0 < 0.001 < 1 < 10`).
    public static func < (lhs: DynamoDBNumber, rhs: DynamoDBNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    static func compareMagnitudes(_ lhs: DynamoDBNumber, _ rhs: DynamoDBNumber) -> Int {
        switch (lhs.leadingExponent, rhs.leadingExponent) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let left?, let right?):
            if left != right { return left < right ? -1 : 1 }
            if lhs.digits == rhs.digits { return 0 }
            return lhs.digits.lexicographicallyPrecedes(rhs.digits) ? -1 : 1
        }
    }
}

/// Decoded from (and encoded as) a JSON string holding the number, the `N` wire form, validated when read.
extension DynamoDBNumber: JSONStringValue {}
