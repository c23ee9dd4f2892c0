extension DynamoDBNumber {
    /// The exact sum, as `SET a = a + :v` and `ADD` compute it.
    ///
    /// - Throws: ``NumberError/overflow`` when the result is too large or needs more than 38
    ///   significant digits (DynamoDB reports both as overflow: `1e50 + 1` fails with the overflow
    ///   message, per ScyllaDB's tests run against DynamoDB), ``NumberError/underflow`` when a
    ///   non-zero result is below 1E-130.
    public func adding(_ other: DynamoDBNumber) throws(NumberError) -> DynamoDBNumber {
        if isZero { return other }
        if other.isZero { return self }
        let base = min(exponent, other.exponent)
        let left = aligned(to: base)
        let right = other.aligned(to: base)
        let sum: DynamoDBNumber
        if isNegative == other.isNegative {
            sum = DynamoDBNumber(negative: isNegative, littleEndian: Self.add(left, right), exponent: base)
        } else {
            switch Self.compareMagnitudes(self, other) {
            case 0: return DynamoDBNumber(0)
            case 1: sum = DynamoDBNumber(negative: isNegative, littleEndian: Self.subtract(left, right), exponent: base)
            default:
                sum = DynamoDBNumber(
                    negative: other.isNegative, littleEndian: Self.subtract(right, left), exponent: base)
            }
        }
        try sum.validateArithmeticResult()
        return sum
    }

    /// The exact difference `self - other`.
    ///
    /// - Throws: as ``adding(_:)``.
    public func subtracting(_ other: DynamoDBNumber) throws(NumberError) -> DynamoDBNumber {
        try adding(other.negated())
    }

    private init(negative: Bool, littleEndian: [UInt8], exponent: Int) {
        self.init(negative: negative, digits: littleEndian.reversed(), exponent: exponent)
    }

    private func validateArithmeticResult() throws(NumberError) {
        guard let leading = leadingExponent else { return }
        if leading < Self.minimumLeadingExponent { throw .underflow }
        if leading > Self.maximumLeadingExponent || digits.count > Self.maximumSignificantDigits {
            throw .overflow
        }
    }

    /// Digits least significant first, padded with zeros so the last digit has power `base` (≤ exponent).
    private func aligned(to base: Int) -> [UInt8] {
        Array(repeating: 0, count: exponent - base) + digits.reversed()
    }

    private static func add(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(max(left.count, right.count) + 1)
        var carry: UInt8 = 0
        for index in 0..<max(left.count, right.count) {
            let total = (index < left.count ? left[index] : 0) + (index < right.count ? right[index] : 0) + carry
            result.append(total % 10)
            carry = total / 10
        }
        if carry > 0 { result.append(carry) }
        return result
    }

    /// `larger - smaller` for little-endian magnitudes with `larger >= smaller`.
    private static func subtract(_ larger: [UInt8], _ smaller: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(larger.count)
        var borrow: Int = 0
        for index in 0..<larger.count {
            var difference = Int(larger[index]) - Int(index < smaller.count ? smaller[index] : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result.append(UInt8(difference))
        }
        return result
    }
}
