import ArgumentParser
import Messaging

/// `cruddur send --from HANDLE --to HANDLE TEXT`: pattern C in their group, or D when they have none.
struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a message: pattern C in the users' group, or pattern D creating it.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @Option(help: "The sender's handle.")
    var from: String

    @Option(help: "The receiver's handle.")
    var to: String

    @Argument(help: "The message text.")
    var text: String

    func validate() throws {
        if text.isEmpty { throw ValidationError("The message text is empty") }
        if from == to { throw ValidationError("--from and --to are both \"\(from)\"") }
    }

    func run() async throws {
        let directory = try users.directory()
        let sent = try await client.store().send(
            from: directory.user(handle: from), to: directory.user(handle: to), text: text)
        let pattern = sent.pattern == .existingGroup ? "C (existing group)" : "D (new group)"
        print("Pattern \(pattern): message \(sent.message.uuid) in group \(sent.group) at \(sent.message.createdAt)")
    }
}
