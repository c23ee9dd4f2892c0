import ArgumentParser
import Messaging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `cruddur seed`: the two users' group rows and a conversation between them, as the original seed script.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write andrewbrown's and bayko's group rows and a conversation between them.")

    /// The group uuid the original seed script used.
    static let group = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
    /// The text of both group rows before the first message.
    static let filler = "this is a filler message"

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @Flag(
        help: """
            Date the conversation so that its last line is now (the original dates line i at now + i minutes, \
            which puts the conversation in the future and keeps messages sent right after it out of the inbox).
            """)
    var endingNow = false

    func run() async throws {
        let (andrew, bayko) = try await users.withStore { store in
            (try await store.user(handle: "andrewbrown"), try await store.user(handle: "bayko"))
        }
        let lines = SeedConversation.lines.map { line in
            SeedLine(sender: line.fromAndrew ? andrew : bayko, text: line.text)
        }
        let shift = endingNow ? -Double(lines.count) * 60 : 0
        let messages = try await client.store(now: { Date().addingTimeInterval(shift) }).seed(
            group: Self.group, users: (andrew, bayko), lines: lines, filler: Self.filler)
        print("Seeded group \(Self.group): 2 group rows and \(messages.count) messages")
    }
}
