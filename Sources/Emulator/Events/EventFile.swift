import FunctionRunner
import DynamoDBEndpoint
import Foundation

/// An event document given to `invoke` or `replay`: a file, or standard input for `-`.
public enum EventFile {
    /// Reads and checks the event; `{}` when no file is given, as `sam local invoke` does.
    /// - Throws: ``EventFileError`` naming the file and, for bad JSON, the line and column.
    public static func read(_ path: String?) throws(EventFileError) -> Data {
        guard let path else { return Data("{}".utf8) }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw EventFileError(file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
            }
            data = contents
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            throw EventFileError(file: path == "-" ? "<stdin>" : path, message: "not valid JSON: \(JSONErrorText.describe(error, in: data))")
        }
        return data
    }
}

/// An event that cannot be sent to a function.
public struct EventFileError: Error, CustomStringConvertible, Equatable {
    /// The file (or `<stdin>`).
    public let file: String
    /// What is wrong with it.
    public let message: String

    public var description: String { "\(file): \(message)" }
}
