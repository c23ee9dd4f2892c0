import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The Cruddur walk-through with the real binaries: `lambda-local start` on the repository's template.json,
/// `cruddur schema-load`, `seed`, `send`; the MessagingStream function, run by the live mapping, moves both group
/// rows to the new message; a replay of the recorded conversation exits 0 and moves nothing backwards.
@Suite(.timeLimit(.minutes(3)))
struct CruddurEndToEndTests {
    static let group = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"

    @Test("send moves both group rows to the new message; replaying older records leaves them there")
    func sendUpdatesBothInboxes() throws {
        let state = try TemporaryDirectory()
        var emulator: RunningEmulator? = try RunningEmulator(template: Paths.rootTemplate, stateDirectory: state.path)
        let endpoint = try #require(emulator?.dynamoDBEndpoint)

        // The emulator created the template's table at start: schema-load finds it as declared.
        let schema = try cruddur(["schema-load", "--template", Paths.rootTemplate], endpoint: endpoint)
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout == "Table \"cruddur-messages\" already exists and matches \(Paths.rootTemplate)\n")

        let seed = try cruddur(["seed", "--ending-now"], endpoint: endpoint)
        #expect(seed.status == 0, "\(seed.stderr)")
        #expect(seed.stdout.hasPrefix("Seeded group \(Self.group): 2 group rows and "))

        let text = "Shall we talk about the Shadows tomorrow?"
        let send = try cruddur(["send", "--from", "andrewbrown", "--to", "bayko", text], endpoint: endpoint)
        #expect(send.status == 0, "\(send.stderr)")
        let sent = try #require(
            send.stdout.firstMatch(of: /Pattern C \(existing group\): message ([0-9a-f-]{36}) in group ([0-9a-f-]{36}) at (\S+)\n/),
            "send printed: \(send.stdout)")
        #expect(String(sent.2) == Self.group)
        let sk = String(sent.3)

        // The stream handler runs asynchronously: poll both inboxes for at most 10 s.
        var rows: [String: GroupRow] = [:]
        let deadline = Date().addingTimeInterval(10)
        repeat {
            rows = try Self.groupRows(endpoint: endpoint)
            if rows.values.allSatisfy({ $0.sk == sk }), rows.count == 2 { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(rows["andrewbrown"] == GroupRow(sk: sk, message: text, otherHandle: "bayko"))
        #expect(rows["bayko"] == GroupRow(sk: sk, message: text, otherHandle: "andrewbrown"))

        // Replay the recorded conversation (its MSG# records are older than the rows) through the mapping.
        #expect(emulator?.interrupt() == 0)
        emulator = nil
        let replay = try lambdaLocal(
            [
                "replay", "MessagingStream", "--events", "\(Paths.packageRoot)/events/messaging-conversation.jsonl",
                "--state-dir", state.path,
            ], template: Paths.rootTemplate)
        #expect(replay.status == 0, "\(replay.stdout)\n\(replay.stderr)")
        #expect(replay.stdout.contains("replayed 6 records"))
        #expect(replay.stdout.contains("records OK 4, filtered out 2, sent to the failure destination 0"))

        let restarted = try RunningEmulator(template: Paths.rootTemplate, stateDirectory: state.path)
        let after = try Self.groupRows(endpoint: restarted.dynamoDBEndpoint)
        #expect(after == rows, "the replay moved a row backwards")
    }

    /// The row of the seeded group in each user's inbox (pattern B through `cruddur list-conversations`).
    static func groupRows(endpoint: String) throws -> [String: GroupRow] {
        var rows: [String: GroupRow] = [:]
        for user in ["andrewbrown", "bayko"] {
            let result = try cruddur(["list-conversations", user], endpoint: endpoint)
            #expect(result.status == 0, "\(result.stderr)")
            let items = try #require(jsonObject(result.stdout)["Items"] as? [[String: Any]])
            for item in items where string(item["message_group_uuid"]) == group {
                rows[user] = GroupRow(
                    sk: string(item["sk"]) ?? "", message: string(item["message"]) ?? "",
                    otherHandle: string(item["user_handle"]) ?? "")
            }
        }
        return rows
    }

    /// The string of a wire attribute value `{"S": "…"}`.
    static func string(_ value: Any?) -> String? { (value as? [String: Any])?["S"] as? String }
}

/// What a user's inbox row shows about a group.
struct GroupRow: Equatable {
    var sk: String
    var message: String
    var otherHandle: String
}

/// `cruddur` (built next to `lambda-local`) against `endpoint`, from the package root.
func cruddur(_ arguments: [String], endpoint: String) throws -> CommandResult {
    try run("\(Paths.binDirectory)/cruddur", arguments + ["--endpoint-url", endpoint])
}
