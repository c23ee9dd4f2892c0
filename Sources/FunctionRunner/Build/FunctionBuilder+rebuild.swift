import Foundation

extension FunctionBuilder {
    /// What a background rebuild produced.
    public struct Rebuild: Sendable {
        /// Whether SwiftPM succeeded.
        public var succeeded: Bool
        /// How long `swift build` took.
        public var duration: Duration
        /// The compiler's diagnostics (`error:` lines with the source line and caret after each), for a failed build.
        public var errors: [String]
    }

    /// Rebuilds `product` incrementally, as `start` built it, on a thread of its own, keeping SwiftPM's output;
    /// the old executable stays in place when the build fails.
    public func rebuild(product: String) async -> Rebuild {
        let arguments = buildArguments(product: product)
        let outcome: (status: Int32, output: String, duration: Duration) = await withCheckedContinuation { done in
            let thread = Thread {
                let started = ContinuousClock.now
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    done.resume(returning: (127, "cannot run swift build: \(error)", .zero))
                    return
                }
                let output = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                done.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self), .now - started))
            }
            thread.name = "lambda-local rebuild"
            thread.start()
        }
        if outcome.status == 0 { markBuilt(product) }
        return Rebuild(
            succeeded: outcome.status == 0, duration: outcome.duration,
            errors: outcome.status == 0 ? [] : Self.diagnostics(in: outcome.output))
    }

    /// The `error:` diagnostics of SwiftPM's output, each with the source excerpt that follows it, once each (the
    /// same error is often printed for several compile jobs); the last lines when there is no `error:` line.
    static func diagnostics(in output: String) -> [String] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [String] = []
        var index = 0
        while index < lines.count {
            // The driver's own "emit-module command failed" lines repeat what the diagnostics say.
            guard lines[index].contains("error:"), !lines[index].contains("command failed with exit code") else {
                index += 1
                continue
            }
            var block = [lines[index]]
            index += 1
            // Swift's excerpt: numbered source lines and `|` caret lines.
            while index < lines.count, let first = lines[index].trimmingCharacters(in: .whitespaces).first,
                first == "|" || first.isNumber || first == "`"
            {
                block.append(lines[index])
                index += 1
            }
            let text = block.joined(separator: "\n")
            if !blocks.contains(text) { blocks.append(text) }
        }
        return blocks.isEmpty ? Array(lines.suffix(20)) : blocks
    }
}
