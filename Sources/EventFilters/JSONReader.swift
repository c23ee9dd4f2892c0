/// A small JSON parser producing ``FilterDocument``s; unlike `JSONSerialization` it keeps number literals.
struct JSONReader {
    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0

    /// Nesting deeper than this is rejected rather than risking the stack.
    static let maximumDepth = 512

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Reads one JSON value filling the whole text (surrounding whitespace allowed).
    mutating func readDocument() throws(FilterPatternError) -> FilterDocument {
        let value = try readValue()
        skipWhitespace()
        if offset < bytes.count { throw failure("unexpected \(describeCurrent()) after the JSON value") }
        return value
    }

    private mutating func readValue() throws(FilterPatternError) -> FilterDocument {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return try nested { (reader: inout JSONReader) throws(FilterPatternError) in
                try reader.readObject()
            }
        case UInt8(ascii: "["):
            return try nested { (reader: inout JSONReader) throws(FilterPatternError) in
                try reader.readArray()
            }
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw failure("unexpected \(describeCurrent())")
        }
    }

    private mutating func nested(
        _ body: (inout JSONReader) throws(FilterPatternError) -> FilterDocument
    ) throws(FilterPatternError) -> FilterDocument {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        return try body(&self)
    }

    private mutating func readObject() throws(FilterPatternError) -> FilterDocument {
        offset += 1  // {
        var fields: [String: FilterDocument] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            offset += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw failure("expected a quoted field name, found \(describeCurrent())")
            }
            let key = try readString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            fields[key] = try readValue()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                offset += 1
            } else if peek(UInt8(ascii: "}")) {
                offset += 1
                return .object(fields)
            } else {
                throw failure("expected \",\" or \"}\", found \(describeCurrent())")
            }
        }
    }

    private mutating func readArray() throws(FilterPatternError) -> FilterDocument {
        offset += 1  // [
        var elements: [FilterDocument] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                offset += 1
            } else if peek(UInt8(ascii: "]")) {
                offset += 1
                return .array(elements)
            } else {
                throw failure("expected \",\" or \"]\", found \(describeCurrent())")
            }
        }
    }

    private mutating func readString() throws(FilterPatternError) -> String {
        offset += 1  // opening quote
        var utf8: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                utf8.append(contentsOf: String(try readEscape()).utf8)
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                utf8.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func readEscape() throws(FilterPatternError) -> Unicode.Scalar {
        guard offset < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex4()
            if (0xD800..<0xDC00).contains(unit) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else { throw failure("unpaired surrogate \\u\(String(unit, radix: 16))") }
                offset += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw failure("unpaired surrogate \\u\(String(unit, radix: 16))")
                }
                let combined = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                guard let scalar = Unicode.Scalar(combined) else { throw failure("invalid escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else {
                throw failure("unpaired surrogate \\u\(String(unit, radix: 16))")
            }
            return scalar
        default:
            offset -= 1
            throw failure("invalid escape \\\(describeCurrent())")
        }
    }

    private mutating func readHex4() throws(FilterPatternError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = Self.hexValue(bytes[offset]) else {
                throw failure("\\u needs four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
            offset += 1
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func readNumber() throws(FilterPatternError) -> FilterDocument {
        let start = offset
        if peek(UInt8(ascii: "-")) { offset += 1 }
        if peek(UInt8(ascii: "0")) {
            offset += 1
        } else if skipDigits() == 0 {
            throw failure("a number needs digits")
        }
        if peek(UInt8(ascii: ".")) {
            offset += 1
            if skipDigits() == 0 { throw failure("a number needs digits after \".\"") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            offset += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { offset += 1 }
            if skipDigits() == 0 { throw failure("a number needs digits in its exponent") }
        }
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        // The grammar above is a subset of what Double parses, so this only fails on pathological input.
        guard let value = Double(literal) else { throw failure("unreadable number \(literal)", at: start) }
        return .number(literal: literal, value: value)
    }

    private mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func readLiteral(_ word: String) throws(FilterPatternError) {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure("unexpected \(describeCurrent())")
        }
        offset += expected.count
    }

    private mutating func expect(_ byte: UInt8) throws(FilterPatternError) {
        guard peek(byte) else {
            throw failure("expected \"\(Character(Unicode.Scalar(byte)))\", found \(describeCurrent())")
        }
        offset += 1
    }

    private func peek(_ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): offset += 1
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of text" }
        let byte = bytes[offset]
        if byte < 0x20 || byte >= 0x7F { return "byte 0x\(String(byte, radix: 16, uppercase: true))" }
        return "\"\(Character(Unicode.Scalar(byte)))\""
    }

    private func failure(_ problem: String, at position: Int? = nil) -> FilterPatternError {
        FilterPatternError(.invalidJSON, "Not valid JSON: \(problem) at offset \(position ?? offset).")
    }
}
