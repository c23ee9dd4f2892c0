import StrictJSON

/// Reads ``FilterDocument``s with the strict reader (number literals kept), in the filter errors' words.
struct JSONReader {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    /// Reads one JSON value filling the whole text (surrounding whitespace allowed).
    func readDocument() throws(FilterPatternError) -> FilterDocument {
        let value: StrictJSONValue
        do {
            value = try StrictJSONReader.read(text)
        } catch {
            throw Self.failure(error)
        }
        return try Self.document(value)
    }

    private static func document(_ value: StrictJSONValue) throws(FilterPatternError) -> FilterDocument {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let string): return .string(string)
        case .number(let literal):
            // JSON's number grammar is a subset of what Double parses, so this only fails on pathological input.
            guard let number = Double(literal) else {
                throw FilterPatternError(.invalidJSON, "Not valid JSON: unreadable number \(literal).")
            }
            return .number(literal: literal, value: number)
        case .array(let elements):
            var documents: [FilterDocument] = []
            documents.reserveCapacity(elements.count)
            for element in elements { documents.append(try document(element)) }
            return .array(documents)
        case .object(let members):
            var fields: [String: FilterDocument] = [:]
            for member in members { fields[member.key] = try document(member.value) }
            return .object(fields)
        }
    }

    private static func failure(_ error: StrictJSONError) -> FilterPatternError {
        let found = describe(error.found)
        var offset = error.position.offset
        let problem: String
        switch error.problem {
        case .invalidUTF8(let byte): problem = "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))"
        case .tooDeep(let limit): problem = "nesting deeper than \(limit) levels"
        case .expectedValue: problem = error.found == nil ? "unexpected end of text" : "unexpected \(found)"
        case .invalidLiteral(let word, let start):
            offset = start.offset
            problem = "unexpected \(describe(word.first.map(String.init)))"
        case .expectedKey: problem = "expected a quoted field name, found \(found)"
        case .duplicateKey(let key): problem = "the field name \"\(key)\" appears twice"
        case .expectedColon: problem = "expected \":\", found \(found)"
        case .expectedCommaOrObjectEnd: problem = "expected \",\" or \"}\", found \(found)"
        case .expectedCommaOrArrayEnd: problem = "expected \",\" or \"]\", found \(found)"
        case .expectedDigit(.integer): problem = "a number needs digits"
        case .expectedDigit(.fraction): problem = "a number needs digits after \".\""
        case .expectedDigit(.exponent): problem = "a number needs digits in its exponent"
        case .unterminatedString: problem = "unterminated string"
        case .controlCharacterInString: problem = "control character in a string"
        case .invalidEscape: problem = error.found == nil ? "unterminated string" : "invalid escape \\\(found)"
        case .expectedHexDigits: problem = "\\u needs four hex digits"
        case .unpairedSurrogate(let unit): problem = "unpaired surrogate \\u\(String(unit, radix: 16))"
        case .trailingContent: problem = "unexpected \(found) after the JSON value"
        }
        return FilterPatternError(.invalidJSON, "Not valid JSON: \(problem) at offset \(offset).")
    }

    /// A character as filter errors name it: printable ASCII quoted, anything else by its first byte.
    private static func describe(_ character: String?) -> String {
        guard let character, let byte = character.utf8.first else { return "end of text" }
        if byte < 0x20 || byte >= 0x7F { return "byte 0x\(String(byte, radix: 16, uppercase: true))" }
        return "\"\(character)\""
    }
}
