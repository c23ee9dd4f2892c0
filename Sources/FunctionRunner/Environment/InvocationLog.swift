import Synchronization

/// Collects the log lines of the invocation in progress, while passing every line on to the console.
///
/// Lines are written by the process's output reader thread and by the environment (START, END, REPORT); the text is
/// what `X-Amz-Log-Result` returns for `LogType: Tail`.
final class InvocationLog: Sendable {
    private let console: Console
    private let capture = Mutex<[String]?>(nil)

    init(console: Console) { self.console = console }

    /// Starts collecting lines for a new invocation (or stops collecting, when nobody will read them); lines collected
    /// before the first invocation (the init phase) are kept for it.
    func begin(collecting: Bool = true) {
        capture.withLock { lines in
            lines = collecting ? (lines ?? []) : nil
        }
    }

    /// Records one line.
    func append(_ line: String) {
        console.write(line: line)
        capture.withLock { $0?.append(line) }
    }

    /// Records several lines, written to the console at once (`END` and `REPORT`).
    func append(lines: [String]) {
        console.write(lines: lines)
        capture.withLock { $0?.append(contentsOf: lines) }
    }

    /// Stops collecting and returns the invocation's log text.
    func end() -> String {
        let lines = capture.withLock { lines in
            defer { lines = nil }
            return lines ?? []
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
