import ArgumentParser
import Messaging

/// `cruddur send (--as SUB | --from HANDLE) --to HANDLE TEXT`: pattern C in their group, or D when they have none.
struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a message: pattern C in the users' group, or pattern D creating it.",
        discussion: """
            Sender and receiver come from PostgreSQL when a connection URL is given (their display names and uuids \
            go into the items), from the users fixture otherwise.
            """)

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @OptionGroup var caller: CallerOptions

    @Option(help: "The sender's handle.")
    var from: String?

    @Option(help: "The receiver's handle.")
    var to: String

    @Argument(help: "The message text.")
    var text: String

    func validate() throws {
        if text.isEmpty { throw ValidationError("The message text is empty") }
        switch (caller.cognitoSub, from) {
        case (nil, nil): throw ValidationError("Name the sender with --as COGNITO_SUB or --from HANDLE")
        case (.some, .some): throw ValidationError("Name the sender with --as or --from, not both")
        default: break
        }
        if from == to { throw ValidationError("--from and --to are both \"\(to)\"") }
    }

    func run() async throws {
        let (sender, receiver) = try await users.withStore { store in
            (try await store.user(cognitoSub: caller.cognitoSub, handle: from), try await store.user(handle: to))
        }
        let sent = try await client.store().send(from: sender, to: receiver, text: text)
        let pattern = sent.pattern == .existingGroup ? "C (existing group)" : "D (new group)"
        print("Pattern \(pattern): message \(sent.message.uuid) in group \(sent.group) at \(sent.message.createdAt)")
    }
}
