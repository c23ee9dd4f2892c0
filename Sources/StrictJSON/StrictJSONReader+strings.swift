extension StrictJSONReader {
    /// Reads a string at its opening quote, decoding escapes; a surrogate escape must be half of a pair.
    mutating func readString() throws(StrictJSONError) -> String {
        advance()  // opening quote
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure(.unterminatedString) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                try readEscape(into: &buffer)
            case 0..<0x20:
                throw failure(.controlCharacterInString)
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    private mutating func readEscape(into buffer: inout [UInt8]) throws(StrictJSONError) {
        guard let byte = peek() else { throw failure(.invalidEscape) }
        let simple = JSONEscape.byte(for: byte)
        if let simple {
            buffer.append(simple)
            advance()
            return
        }
        guard byte == UInt8(ascii: "u") else { throw failure(.invalidEscape) }
        advance()
        let unit = try hexQuad()
        var scalarValue = UInt32(unit)
        if (0xD800..<0xDC00).contains(unit) {
            guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else {
                throw failure(.unpairedSurrogate(unit))
            }
            advance()
            advance()
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure(.unpairedSurrogate(unit)) }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw failure(.unpairedSurrogate(unit)) }
        buffer.append(contentsOf: Array(String(scalar).utf8))
    }

    private mutating func hexQuad() throws(StrictJSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else { throw failure(.expectedHexDigits) }
            value = value << 4 | UInt16(digit)
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
