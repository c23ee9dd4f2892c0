import Foundation

/// Wording for JSON problems in user files: what kind of value was found, and where parsing stopped.
public enum JSONErrorText {
    /// Foundation's description of a parse error, with its character offset turned into a line and column.
    public static func describe(_ error: any Error, in data: Data? = nil) -> String {
        let nsError = error as NSError
        let text = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
        guard let data, let match = text.firstMatch(of: /around character (\d+)\./), let offset = Int(match.1) else {
            return text
        }
        let (line, column) = position(ofByte: offset, in: data)
        return text.replacingCharacters(in: match.range, with: "at line \(line), column \(column).")
    }

    /// The 1-based line and column of a byte offset.
    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// "a string", "a number", "an array", … for a value from `JSONSerialization`.
    static func kind(of value: Any) -> String {
        switch value {
        case is String: "a string"
        case is Bool: "a boolean"
        case is NSNumber: "a number"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is NSNull: "null"
        default: "an unknown value"
        }
    }
}
