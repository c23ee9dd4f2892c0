import FunctionRunner
import DynamoDBEndpoint
import Foundation
import Logging

/// A swift-log handler that writes to the emulator's ``Console``: what Hummingbird, SwiftNIO and the service group
/// log at or above the level (warnings and errors by default) reaches the terminal, as
/// `lambda-local: [error] lambda-local.dynamodb: …`.
public struct ConsoleLogHandler: LogHandler {
    private let label: String
    private let console: Console
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// A handler for `label` writing to `console`.
    public init(label: String, console: Console, level: Logger.Level = .warning) {
        self.label = label
        self.console = console
        self.logLevel = level
    }

    /// A logger named `label` that writes to `console`; `LAMBDA_LOCAL_LOG_LEVEL` (trace … critical) overrides the
    /// level.
    public static func logger(_ label: String, console: Console, level: Logger.Level = .warning) -> Logger {
        let chosen = Self.environmentLevel ?? level
        return Logger(label: label) { label in ConsoleLogHandler(label: label, console: console, level: chosen) }
    }

    private static var environmentLevel: Logger.Level? {
        guard let text = ProcessInfo.processInfo.environment["LAMBDA_LOCAL_LOG_LEVEL"] else { return nil }
        return Logger.Level(rawValue: text.lowercased())
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        let error = event.error.map { " (\($0))" } ?? ""
        console.write(line: "lambda-local: [\(event.level)] \(label): \(event.message)\(error)\(details)")
    }
}
