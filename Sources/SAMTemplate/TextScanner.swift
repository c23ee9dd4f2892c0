/// Finds brackets in Swift or JSON text while skipping string literals and comments, so that files can be edited
/// by inserting text at the right place instead of being rewritten (`lambda-local new`, `lambda-local package`).
public struct TextScanner: Sendable {
    /// The text, as characters.
    public let text: [Character]

    /// Scans `text`.
    public init(_ text: String) { self.text = Array(text) }

    /// The index of the bracket closing the one at `open` (`[`→`]`, `{`→`}`, `(`→`)`), or nil.
    public func matchingClose(of open: Int) -> Int? {
        var stack: [Character] = []
        var index = open
        while index < text.count {
            let character = text[index]
            if let skipped = skip(from: index) {
                index = skipped
                continue
            }
            switch character {
            case "[", "{", "(": stack.append(character)
            case "]", "}", ")":
                guard let last = stack.popLast(), Self.pairs[last] == character else { return nil }
                if stack.isEmpty { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index of the first `opener` that follows `needle` (with only whitespace between), searching from `start`
    /// outside comments and other strings, at any depth.
    public func opener(after needle: String, opener: Character, from start: Int = 0) -> Int? {
        let pattern = Array(needle)
        var index = start
        while index < text.count {
            if let skipped = skip(from: index), !text[index...].starts(with: pattern) {
                index = skipped
                continue
            }
            if text[index...].starts(with: pattern) {
                var next = index + pattern.count
                while next < text.count, text[next] == " " || text[next] == "\n" || text[next] == "\t" { next += 1 }
                if next < text.count, text[next] == opener { return next }
            }
            index += 1
        }
        return nil
    }

    /// When a string literal or comment starts at `index`, the index just after it.
    private func skip(from index: Int) -> Int? {
        let character = text[index]
        if character == "\"" {
            var next = index + 1
            while next < text.count, text[next] != "\"" {
                next += text[next] == "\\" ? 2 : 1
            }
            return next + 1
        }
        if character == "/", index + 1 < text.count {
            if text[index + 1] == "/" {
                var next = index
                while next < text.count, text[next] != "\n" { next += 1 }
                return next
            }
            if text[index + 1] == "*" {
                var next = index + 2
                while next + 1 < text.count, !(text[next] == "*" && text[next + 1] == "/") { next += 1 }
                return next + 2
            }
        }
        return nil
    }

    /// In the JSON object whose `{` is at `open`, the index where the value of its own member `key` starts (members
    /// of nested objects are not matched), or nil.
    public func memberValue(_ key: String, inObjectAt open: Int) -> Int? {
        guard let close = matchingClose(of: open) else { return nil }
        let quoted = Array("\"\(key)\"")
        var depth = 0
        var index = open + 1
        while index < close {
            let character = text[index]
            if character == "\"" {
                let end = skip(from: index) ?? index + 1
                if depth == 0, text[index..<min(end, text.count)].elementsEqual(quoted) {
                    var next = end
                    while next < close, text[next].isWhitespace { next += 1 }
                    guard next < close, text[next] == ":" else { return nil }
                    next += 1
                    while next < close, text[next].isWhitespace { next += 1 }
                    return next
                }
                index = end
                continue
            }
            if character == "{" || character == "[" { depth += 1 }
            if character == "}" || character == "]" { depth -= 1 }
            index += 1
        }
        return nil
    }

    /// In the Swift call whose `(` is at `open`, the index where the value of its own argument `label:` starts
    /// (arguments of nested calls are not matched), or nil.
    public func argument(_ label: String, inCallAt open: Int) -> Int? {
        guard let close = matchingClose(of: open) else { return nil }
        let pattern = Array(label)
        var depth = 0
        var index = open + 1
        while index < close {
            if let skipped = skip(from: index) {
                index = skipped
                continue
            }
            let character = text[index]
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
            if depth == 0, text[index...].starts(with: pattern),
                index == 0 || !(text[index - 1].isLetter || text[index - 1].isNumber || text[index - 1] == "_")
            {
                var next = index + pattern.count
                while next < close, text[next].isWhitespace { next += 1 }
                if next < close, text[next] == ":" {
                    next += 1
                    while next < close, text[next].isWhitespace { next += 1 }
                    return next
                }
            }
            index += 1
        }
        return nil
    }

    /// The index just after the JSON value (string, number, literal, object or array) starting at `index`.
    public func valueEnd(at index: Int) -> Int {
        if text[index] == "\"" { return skip(from: index) ?? text.count }
        if text[index] == "{" || text[index] == "[" { return (matchingClose(of: index) ?? text.count - 1) + 1 }
        var end = index
        while end < text.count, !",}] \n\t".contains(text[end]) { end += 1 }
        return end
    }

    /// `text` with the characters in `range` replaced by `replacement`.
    public func replacing(_ range: Range<Int>, with replacement: String) -> String {
        String(text[..<range.lowerBound]) + replacement + String(text[range.upperBound...])
    }

    /// The start of the line holding `index`.
    public func lineStart(of index: Int) -> Int {
        var start = index
        while start > 0, text[start - 1] != "\n" { start -= 1 }
        return start
    }

    /// The leading spaces of the line holding `index`.
    public func indentation(ofLineAt index: Int) -> String {
        let start = lineStart(of: index)
        var end = start
        while end < text.count, text[end] == " " { end += 1 }
        return String(repeating: " ", count: end - start)
    }

    /// The index of the last character before `index` that is not whitespace, or nil.
    public func lastNonSpace(before index: Int) -> Int? {
        var position = index - 1
        while position >= 0, text[position].isWhitespace { position -= 1 }
        return position >= 0 ? position : nil
    }

    /// `text` with `insertion` at `index`.
    public func inserting(_ insertion: String, at index: Int) -> String {
        String(text[..<index]) + insertion + String(text[index...])
    }

    private static let pairs: [Character: Character] = ["[": "]", "{": "}", "(": ")"]
}
