import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Cruddur with the group index lagging the table as AWS's eventually consistent GSIs can
/// (`start --gsi-propagation-delay 200`): messages sent right after one another, while the rows the previous one
/// moved are missing from the index, still bring both inboxes to the last message.
@Suite(.timeLimit(.minutes(3)))
struct CruddurIndexLagEndToEndTests {
    @Test("with --gsi-propagation-delay 200, MessagingStream converges both inboxes on the last of rapid messages")
    func rapidMessagesConvergeUnderIndexLag() throws {
        let state = try TemporaryDirectory()
        let emulator = try RunningEmulator(
            template: Paths.rootTemplate, stateDirectory: state.path,
            extraArguments: ["--gsi-propagation-delay", "200"])
        let endpoint = emulator.dynamoDBEndpoint
        let seed = try cruddur(["seed", "--ending-now"], endpoint: endpoint)
        #expect(seed.status == 0, "\(seed.stderr)")
        // Let the index show the seeded rows; then three messages 40 ms apart: the second and third are handled
        // while the rows the first moved are missing from the index (an index answer alone would leave both
        // inboxes on the first message).
        usleep(600_000)
        let result = try run(
            "/usr/bin/env",
            [
                "python3", "\(Paths.packageRoot)/Tests/EndToEndTests/Scripts/cruddur_rapid_messages.py", endpoint,
                CruddurEndToEndTests.group, "3", "0.04",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let last = try jsonObject(result.stdout)
        let sk = try #require(last["sk"] as? String)
        let text = try #require(last["text"] as? String)
        var rows: [String: GroupRow] = [:]
        let deadline = Date().addingTimeInterval(10)
        repeat {
            rows = try CruddurEndToEndTests.groupRows(endpoint: endpoint)
            if rows.count == 2, rows.values.allSatisfy({ $0.sk == sk }) { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(rows["andrewbrown"] == GroupRow(sk: sk, message: text, otherHandle: "bayko"), "\(emulator.log)")
        #expect(rows["bayko"] == GroupRow(sk: sk, message: text, otherHandle: "andrewbrown"))
    }

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
