import ArgumentParser
import Messaging

/// `cruddur get-conversation GROUP`: pattern A with the consumed capacity, then one line per message.
struct GetConversation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-conversation",
        abstract: "Pattern A: the group's newest 20 messages of this year, oldest first.")

    @OptionGroup var client: ClientOptions

    @Argument(help: "The message group uuid.")
    var group: String

    func run() async throws {
        let store = client.store()
        let output = try await store.operations.query(store.messagesQuery(group: group, returnConsumedCapacity: .total))
        print(try JSONOutput.text(output))
        print(try JSONOutput.line(output.consumedCapacity))
        for message in try MessageStore.messages(from: output) {
            print(message.conversationLine)
        }
    }
}
