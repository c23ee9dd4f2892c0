import Logging
import Synchronization

/// Collects what a handler logs, so tests can assert on log lines (levels, messages, metadata).
public final class LogRecorder: Sendable {
    /// One logged line.
    public struct Entry: Sendable, Hashable {
        /// `trace` … `critical`.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The metadata (the logger's own and the call's), values rendered as text.
        public var metadata: [String: String]

        /// An entry from its parts.
        public init(level: Logger.Level, message: String, metadata: [String: String]) {
            self.level = level
            self.message = message
            self.metadata = metadata
        }
    }

    private let storage = Mutex<[Entry]>([])

    /// An empty recorder.
    public init() {}

    /// The lines logged so far, in order.
    public var entries: [Entry] { storage.withLock { $0 } }

    /// Forgets the lines logged so far.
    public func removeAll() { storage.withLock { $0.removeAll() } }

    /// A logger recording into this recorder at `level` and above.
    public func logger(label: String = "LambdaTesting", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    func append(_ entry: Entry) { storage.withLock { $0.append(entry) } }
}

/// A `LogHandler` appending to a ``LogRecorder``.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, call in call }
        recorder.append(
            LogRecorder.Entry(
                level: event.level, message: event.message.description,
                metadata: merged.mapValues { $0.description }))
    }
}
