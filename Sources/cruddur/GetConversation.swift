import ArgumentParser
import Foundation
import Messaging

/// `cruddur get-conversation GROUP [--as SUB] [--json]`: pattern A, one line per message on stdout (the consumed
/// capacity on stderr), or the Query's whole JSON answer with `--json`.
struct GetConversation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-conversation",
        abstract: "Pattern A: the group's newest 20 messages of this year, oldest first.",
        discussion: """
            With --as, the caller is looked up in the users store (PostgreSQL when a connection URL is given) and \
            must have the group in its inbox, as the app checks before showing a conversation.
            """)

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @OptionGroup var caller: CallerOptions

    @Argument(help: "The message group uuid.")
    var group: String

    @Flag(help: "Print DynamoDB's Query answer as JSON instead of one line per message.")
    var json = false

    func run() async throws {
        let store = client.store()
        if let cognitoSub = caller.cognitoSub {
            let user = try await users.withStore { try await $0.user(cognitoSub: cognitoSub) }
            guard try await store.isMember(user, of: group) else {
                throw MessagingError(
                    .invalidArgument, "\"\(user.handle)\" has no conversation \"\(group)\" in its inbox")
            }
        }
        let output = try await store.operations.query(store.messagesQuery(group: group, returnConsumedCapacity: .total))
        if json {
            print(try JSONOutput.text(output))
            return
        }
        for message in try MessageStore.messages(from: output) {
            print(message.conversationLine)
        }
        FileHandle.standardError.write(Data(("consumed capacity: " + (try JSONOutput.line(output.consumedCapacity)) + "\n").utf8))
    }
}
