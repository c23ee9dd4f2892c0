import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Cruddur with the group index lagging the table as AWS's eventually consistent GSIs can
/// (`start --gsi-propagation-delay 200`): messages sent right after the seed and right after one another, while
/// the moved rows are missing from the index, still bring both inboxes to the last message.
@Suite(.timeLimit(.minutes(3)))
struct CruddurIndexLagEndToEndTests {
    @Test("with --gsi-propagation-delay 200, MessagingStream converges both inboxes on the last of rapid sends")
    func rapidSendsConvergeUnderIndexLag() throws {
        let state = try TemporaryDirectory()
        let emulator = try RunningEmulator(
            template: Paths.rootTemplate, stateDirectory: state.path,
            extraArguments: ["--gsi-propagation-delay", "200"])
        let endpoint = emulator.dynamoDBEndpoint
        let seed = try cruddur(["seed", "--ending-now"], endpoint: endpoint)
        #expect(seed.status == 0, "\(seed.stderr)")

        // No pause after the seed or between sends: each stream record is handled while the group's rows are
        // missing from the lagging index (just seeded, or just moved by the previous record).
        var last: (sk: String, text: String, to: String)?
        for round in 0..<5 {
            let (from, to) = round % 2 == 0 ? ("andrewbrown", "bayko") : ("bayko", "andrewbrown")
            let text = "Lagging index, message \(round)"
            let send = try cruddur(["send", "--from", from, "--to", to, text], endpoint: endpoint)
            #expect(send.status == 0, "\(send.stderr)")
            let sent = try #require(
                send.stdout.firstMatch(of: /message [0-9a-f-]{36} in group [0-9a-f-]{36} at (\S+)\n/),
                "send printed: \(send.stdout)")
            last = (String(sent.1), text, to)
        }
        let final = try #require(last)

        var rows: [String: GroupRow] = [:]
        let deadline = Date().addingTimeInterval(15)
        repeat {
            rows = try CruddurEndToEndTests.groupRows(endpoint: endpoint)
            if rows.count == 2, rows.values.allSatisfy({ $0.sk == final.sk }) { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(rows["andrewbrown"] == GroupRow(sk: final.sk, message: final.text, otherHandle: "bayko"), "\(emulator.log)")
        #expect(rows["bayko"] == GroupRow(sk: final.sk, message: final.text, otherHandle: "andrewbrown"))
        // No record was given up on: nothing reached the failure destination.
        let failures = (try? FileManager.default.contentsOfDirectory(atPath: state.path + "/failures")) ?? []
        #expect(failures.isEmpty, "\(failures)")
    }
}
