import ArgumentParser
import Emulator
import FunctionRunner
import StreamTriggers
import Foundation

/// `lambda-local failures [MAPPING]`: the batches mappings discarded to their on-failure destinations.
struct Failures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the on-failure records under the state directory (one line per discarded batch).")

    @Argument(help: "Only this destination's file (its name or the start of it, e.g. StreamDLQ or replay-).")
    var mapping: String?

    @Option(help: "The state directory; default .lambda-local next to the template.")
    var stateDir: String?

    @Option(name: [.customShort("t"), .long], help: "The SAM template (JSON), to find the default state directory.")
    var template = "template.json"

    @Flag(help: "Print the records as JSON Lines, each as stored (nothing when there are none).")
    var json = false

    func run() throws {
        let directory = URL(
            fileURLWithPath: stateDir
                ?? URL(fileURLWithPath: template).deletingLastPathComponent().appendingPathComponent(".lambda-local").path
        ).appendingPathComponent("failures").path
        let entries = try FailureLog.read(directory: directory, prefix: mapping)
        if json {
            for entry in entries { print(entry.stored) }
            return
        }
        if entries.isEmpty {
            print("no on-failure records in \(directory)")
            return
        }
        var file = ""
        for entry in entries {
            if entry.file != file {
                file = entry.file
                print(file)
            }
            print("  " + entry.line)
        }
    }
}
