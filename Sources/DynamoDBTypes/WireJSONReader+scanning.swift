import StrictJSON
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// The byte-level scanning under WireJSONReader's public reads.
extension WireJSONReader {
    mutating func skipWhitespace() {
        while offset < buffer.count {
            switch buffer[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws(Miss) {
        skipWhitespace()
        guard offset < buffer.count, buffer[offset] == byte else {
            throw miss("\"\(Character(Unicode.Scalar(byte)))\"")
        }
        offset += 1
    }

    mutating func consumeIf(_ byte: UInt8) throws(Miss) -> Bool {
        skipWhitespace()
        guard offset < buffer.count, buffer[offset] == byte else { return false }
        offset += 1
        return true
    }

    mutating func enter(_ byte: UInt8) throws(Miss) {
        depth += 1
        if depth > Self.maxDepth { throw miss("at most \(Self.maxDepth) levels of nesting") }
        try expect(byte)
    }

    mutating func leave() { depth -= 1 }

    func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard buffer.count - offset >= count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            (0..<count).allSatisfy { buffer[offset + $0] == literalBytes[$0] }
        }
    }

    static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    func makeString(_ bytes: UnsafeRawBufferPointer) throws(Miss) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw miss("valid UTF-8") }
        return text
    }

    /// The rest of a string that has escapes, from its first byte at `start` (`offset` is at a backslash).
    mutating func readEscapedString(from start: Int) throws(Miss) -> String {
        var bytes = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[start..<offset]))
        while offset < buffer.count {
            let byte = buffer[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                let text = bytes.withUnsafeBytes { raw in try? makeString(raw) }
                guard let text else { throw miss("valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard offset < buffer.count else { throw miss("an escape") }
                let escape = buffer[offset]
                offset += 1
                if let simple = JSONEscape.byte(for: escape) {
                    bytes.append(simple)
                } else if escape == UInt8(ascii: "u") {
                    bytes.append(contentsOf: try readUnicodeEscape().utf8)
                } else {
                    throw miss("a valid escape")
                }
            default:
                if byte < 0x20 { throw miss("no control character inside a string") }
                bytes.append(byte)
            }
        }
        throw miss("the end of a string")
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uDC00`-`\uDFFF` that must follow.
    mutating func readUnicodeEscape() throws(Miss) -> String {
        let first = try readHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard matches("\\u") else { throw miss("a low surrogate") }
            offset += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw miss("a low surrogate") }
            return String(Character(scalar))
        }
        guard let scalar = Unicode.Scalar(first) else { throw miss("a scalar value, not a lone surrogate") }
        return String(Character(scalar))
    }

    mutating func readHex4() throws(Miss) -> UInt32 {
        guard buffer.count - offset >= 4 else { throw miss("four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw miss("four hex digits")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Skips a JSON number (`-? int frac? exp?`).
    mutating func skipNumber() throws(Miss) {
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = try skipDigits()
        guard integerDigits > 0, integerDigits == 1 || buffer[integerStart] != UInt8(ascii: "0") else {
            throw miss("a number")
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: ".") {
            offset += 1
            guard try skipDigits() > 0 else { throw miss("digits after \".\"") }
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "e") || buffer[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < buffer.count, buffer[offset] == UInt8(ascii: "+") || buffer[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard try skipDigits() > 0 else { throw miss("exponent digits") }
        }
    }

    mutating func skipDigits() throws(Miss) -> Int {
        let start = offset
        while offset < buffer.count, Self.digit(buffer[offset]) != nil { offset += 1 }
        return offset - start
    }
}
