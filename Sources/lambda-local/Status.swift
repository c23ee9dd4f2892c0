import ArgumentParser
import Emulator
import FunctionRunner
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lambda-local status`: the running emulator's event source mappings.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the event source mappings of a running emulator: state, last result, backlog, counters.")

    @Option(help: "The emulator's address.")
    var host = "127.0.0.1"

    @Option(name: [.short, .long], help: "The emulator's Invoke API port.")
    var port = 3001

    @Flag(help: "Print the JSON document instead of text.")
    var json = false

    func run() async throws {
        let url = URL(string: "http://\(host):\(port)/lambda-local/status")!
        let data: Data
        do {
            (data, _) = try await URLSession.shared.data(from: url)
        } catch {
            throw CommandFailure(
                "no emulator answers at http://\(host):\(port) (start one with lambda-local start, or pass its --port): \(error.localizedDescription)")
        }
        if json {
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let document = try decoder.decode(StatusDocument.self, from: data)
        if document.mappings.isEmpty { print("no event source mappings") }
        for mapping in document.mappings {
            for line in mapping.lines { print(line) }
        }
    }
}
