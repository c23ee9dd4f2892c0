import StrictJSON
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks that a request body is exactly one JSON object, strictly (RFC 8259: no trailing commas, comments,
/// bare words or leading zeros; strings valid UTF-8 with valid escapes), with no key twice in one object.
///
/// It reads the document with an explicit stack instead of recursion, so no nesting can exhaust the thread's
/// stack; a document nested deeper than ``maximumDepth`` is reported after it has been read to the end (a
/// malformed document is reported as malformed however deep it is).
public enum RequestBodyCheck {
    /// What is wrong with a body.
    public enum Problem: Error, Equatable, Sendable {
        /// Not JSON: the byte offset where reading stopped, and what was expected there.
        case malformed(offset: Int, expected: String)
        /// JSON, but not an object.
        case notAnObject
        /// An object names `key` twice; `offset` is where the second one starts.
        case duplicateKey(String, offset: Int)
        /// Objects and arrays nested deeper than ``maximumDepth``.
        case tooDeep
    }

    /// The deepest nesting a request may have. DynamoDB's deepest legal request (a 32-level attribute value
    /// inside TransactWriteItems) nests about 72 levels.
    public static let maximumDepth = 128

    /// The first problem of `data`, or nil for a well-formed JSON object.
    public static func problem(in data: Data) -> Problem? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Problem? in
            var scanner = Scanner(bytes: buffer)
            return scanner.run()
        }
    }

    private struct Scanner {
        enum Frame {
            case object(Set<String>)
            case array
        }

        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var stack: [Frame] = []
        var duplicate: Problem?
        var tooDeep = false

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func run() -> Problem? {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else {
                if let problem = scanValue() { return problem }
                skipWhitespace()
                return offset == bytes.count ? .notAnObject : malformed("the end of the body")
            }
            if let problem = scanValue() { return problem }
            skipWhitespace()
            if offset != bytes.count { return malformed("the end of the body") }
            return duplicate ?? (tooDeep ? .tooDeep : nil)
        }

        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func malformed(_ expected: String) -> Problem { .malformed(offset: offset, expected: expected) }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        /// Reads one value (with everything nested in it) without recursion.
        mutating func scanValue() -> Problem? {
            var expectValue = true
            while true {
                skipWhitespace()
                if expectValue {
                    guard let byte = peek else { return malformed("a value") }
                    switch byte {
                    case UInt8(ascii: "{"):
                        offset += 1
                        push(.object([]))
                        skipWhitespace()
                        if peek == UInt8(ascii: "}") {
                            offset += 1
                            stack.removeLast()
                        } else if let problem = scanKey() {
                            return problem
                        } else {
                            continue
                        }
                    case UInt8(ascii: "["):
                        offset += 1
                        push(.array)
                        skipWhitespace()
                        if peek == UInt8(ascii: "]") {
                            offset += 1
                            stack.removeLast()
                        } else {
                            continue
                        }
                    case UInt8(ascii: "\""):
                        if case .failure(let problem) = scanString() { return problem }
                    case UInt8(ascii: "t"): if let problem = scanLiteral("true") { return problem }
                    case UInt8(ascii: "f"): if let problem = scanLiteral("false") { return problem }
                    case UInt8(ascii: "n"): if let problem = scanLiteral("null") { return problem }
                    default: if let problem = scanNumber() { return problem }
                    }
                    expectValue = false
                    continue
                }
                // After a value: a separator, a closing bracket, or the end of the top-level value.
                guard let frame = stack.last else { return nil }
                skipWhitespace()
                switch (frame, peek) {
                case (_, UInt8(ascii: ",")?):
                    offset += 1
                    if case .object = frame {
                        skipWhitespace()
                        if let problem = scanKey() { return problem }
                    }
                    expectValue = true
                case (.object, UInt8(ascii: "}")?), (.array, UInt8(ascii: "]")?):
                    offset += 1
                    stack.removeLast()
                default:
                    if case .object = frame { return malformed("',' or '}'") }
                    return malformed("',' or ']'")
                }
            }
        }

        mutating func push(_ frame: Frame) {
            stack.append(frame)
            if stack.count > RequestBodyCheck.maximumDepth { tooDeep = true }
        }

        /// Reads `"key" :` inside the innermost object, noting a key it already has.
        mutating func scanKey() -> Problem? {
            let start = offset
            guard peek == UInt8(ascii: "\"") else { return malformed("a string key") }
            let key: String
            switch scanString() {
            case .failure(let problem): return problem
            case .success(let text): key = text
            }
            if case .object(var keys) = stack[stack.count - 1] {
                stack[stack.count - 1] = .array  // releases the set, so inserting does not copy it
                if !keys.insert(key).inserted, duplicate == nil { duplicate = .duplicateKey(key, offset: start) }
                stack[stack.count - 1] = .object(keys)
            }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { return malformed("':'") }
            offset += 1
            return nil
        }

        /// Reads a string, decoding its escapes; the text is valid UTF-8 or the string is malformed.
        mutating func scanString() -> Result<String, Problem> {
            offset += 1  // the opening quote
            var text: [UInt8] = []
            while let byte = peek {
                switch byte {
                case UInt8(ascii: "\""):
                    offset += 1
                    guard let string = String(validating: text, as: UTF8.self) else {
                        return .failure(malformed("a string of valid UTF-8"))
                    }
                    return .success(string)
                case UInt8(ascii: "\\"):
                    offset += 1
                    guard let escape = peek else { return .failure(malformed("an escape")) }
                    offset += 1
                    if let simple = JSONEscape.byte(for: escape) {
                        text.append(simple)
                    } else if escape == UInt8(ascii: "u") {
                        guard let scalar = scanUnicodeEscape() else { return .failure(malformed("a \\u escape")) }
                        text.append(contentsOf: Array(String(Character(scalar)).utf8))
                    } else {
                        offset -= 1
                        return .failure(malformed("an escape"))
                    }
                case 0..<0x20:
                    return .failure(malformed("no control character inside a string"))
                default:
                    text.append(byte)
                    offset += 1
                }
            }
            return .failure(malformed("the end of a string"))
        }

        /// After `\u`: four hex digits, or a surrogate pair written as two escapes.
        mutating func scanUnicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(high) {
                guard peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                else { return nil }
                offset += 2
                guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            return Unicode.Scalar(high)
        }

        mutating func hex4() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Self.hexDigit(bytes[offset]) else { return nil }
                value = value << 4 | digit
                offset += 1
            }
            return value
        }

        static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        mutating func scanLiteral(_ word: String) -> Problem? {
            for expected in word.utf8 {
                guard peek == expected else { return malformed(word) }
                offset += 1
            }
            return nil
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func scanNumber() -> Problem? {
            if peek == UInt8(ascii: "-") { offset += 1 }
            if peek == UInt8(ascii: "0") {
                offset += 1
            } else if !scanDigits() {
                return malformed("a value")
            }
            if peek == UInt8(ascii: ".") {
                offset += 1
                if !scanDigits() { return malformed("a digit") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                offset += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
                if !scanDigits() { return malformed("a digit") }
            }
            return nil
        }

        mutating func scanDigits() -> Bool {
            let start = offset
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            return offset > start
        }
    }
}
