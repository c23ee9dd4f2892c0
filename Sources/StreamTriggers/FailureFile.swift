import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import EventSourceMapping
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// An on-failure destination kept as a JSON Lines file under `<state>/failures/`: one invocation record per
/// discarded batch, appended and fsynced before the mapping moves past the batch. In-memory sessions print the
/// record on the console instead, so a discarded batch is never silent.
public final class FailureFile: FailureDestination {
    public let name: String
    /// The file, or `nil` for in-memory sessions.
    let path: String?
    private let console: Console
    private let lock = Mutex(())

    /// The destination called `destinationName` (a queue's logical ID or ARN name) under `directory`.
    public init(destinationName: String, directory: String?, console: Console) {
        let file = Self.fileName(for: destinationName)
        self.path = directory.map { URL(fileURLWithPath: $0).appendingPathComponent(file).path }
        self.name = path ?? "the console (in-memory session)"
        self.console = console
    }

    /// `<name>.jsonl` with anything but letters, digits, `-`, `_` and `.` replaced by `_`.
    public static func fileName(for destinationName: String) -> String {
        let safe = destinationName.unicodeScalars.map { scalar -> Character in
            let allowed = CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)
            return allowed && scalar.isASCII ? Character(scalar) : "_"
        }
        return String(safe) + ".jsonl"
    }

    public func deliver(_ record: OnFailureRecord) async throws {
        var line = try OrderedJSONEncoder().encode(record)
        guard let path else {
            console.write(line: "lambda-local: on-failure record: \(String(decoding: line, as: UTF8.self))")
            return
        }
        line.append(UInt8(ascii: "\n"))
        try lock.withLock { _ in try Self.append(line, to: path) }
    }

    /// Appends `bytes` to the file at `path` (creating it and its directory) and fsyncs it.
    /// - Throws: an error naming the file and the failed operation.
    public static func append(_ bytes: Data, to path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FailureFileError(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) }
        guard written == bytes.count else { throw FailureFileError(path: path, operation: "write", code: errno) }
        guard fsync(descriptor) == 0 else { throw FailureFileError(path: path, operation: "fsync", code: errno) }
    }
}

/// The failure file could not be written; the mapping stays on the batch and tries again.
struct FailureFileError: Error, CustomStringConvertible {
    let path: String
    let operation: String
    let code: Int32

    var description: String { "cannot \(operation) the failure file \"\(path)\": \(String(cString: strerror(code)))" }
}
