import Foundation

/// Wording for JSON problems in user files: what kind of value was found, and where parsing stopped.
enum JSONErrorText {
    /// Foundation's own description of a parse error (it names the line and column).
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        return nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
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
