import Foundation
import FunctionRunner

/// `--debug-function NAME`: the emulator starts no process for NAME; it reserves NAME's Runtime API listener, and
/// prints and writes to `<state>/debug/NAME.env` (dotenv: one `KEY=value` a line) the complete environment a
/// runtime of NAME needs, so the user launches the function from Xcode, VS Code or lldb with breakpoints.
/// Invocations of NAME wait for that process's `/next`; no timeout is enforced; a process started later takes over.
enum DebugAttachment {
    /// Prepares every named function and tells the user how to start it.
    /// - Throws: ``WorkspaceError/unknownFunction(_:file:known:)`` for a name the template does not have;
    ///   ``InvokeError`` when a listener cannot be set up; file system errors writing the `.env` file.
    static func prepare(
        _ names: [String], registry: FunctionRegistry, workspace: Workspace, state: StateLocation, console: Console
    ) async throws {
        guard !names.isEmpty else { return }
        let directory = URL(fileURLWithPath: state.directoryPath ?? workspace.template.directory + "/.lambda-local")
            .appendingPathComponent("debug")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in names {
            let function = try workspace.function(named: name)
            guard let pool = registry.pool(named: function.functionName) else { continue }
            let variables = try await pool.prepareForDebugger()
            let file = directory.appendingPathComponent("\(function.logicalID).env")
            try dotenv(variables).write(to: file, atomically: true, encoding: .utf8)
            console.write(
                line: """
                    lambda-local: \(function.logicalID) runs under your debugger: start \(pool.configuration.executable) \
                    with the environment in \(file.path) (AWS_LAMBDA_RUNTIME_API=\(variables["AWS_LAMBDA_RUNTIME_API"] ?? "")); \
                    its invocations wait for it, with no timeout
                    """)
        }
    }

    /// `KEY=value` lines, sorted. A value with spaces, quotes, `#`, `$` or backslashes is single-quoted, so that
    /// VS Code's `envFile`, python-dotenv and a POSIX shell (`set -a; . ./NAME.env`) all read it literally (AWS's
    /// log stream names contain `$LATEST`); one that itself holds a single quote is double-quoted and escaped.
    static func dotenv(_ variables: [String: String]) -> String {
        variables.sorted { $0.key < $1.key }.map { key, value in
            let plain = !value.isEmpty && value.allSatisfy { !$0.isWhitespace && !"\"'#\\$`".contains($0) }
            if plain { return "\(key)=\(value)\n" }
            if !value.contains("'") { return "\(key)='\(value)'\n" }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`")
            return "\(key)=\"\(escaped)\"\n"
        }.joined()
    }
}
