import ArgumentParser
import Messaging

/// `cruddur list-conversations USER`: pattern B with the consumed capacity.
struct ListConversations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-conversations", abstract: "Pattern B: the user's 20 most recently active conversations.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @Argument(help: "The user's handle (or uuid).")
    var user: String

    func run() async throws {
        let directory = try users.directory()
        let owner = try (try? directory.user(handle: user)) ?? directory.user(uuid: user)
        let store = client.store()
        let output = try await store.operations.query(
            store.conversationsQuery(user: owner.uuid, returnConsumedCapacity: .total))
        print(try JSONOutput.text(output))
    }
}
