import ArgumentParser
import Messaging

/// `cruddur list-conversations (USER | --as SUB)`: pattern B with the consumed capacity.
struct ListConversations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-conversations", abstract: "Pattern B: the user's 20 most recently active conversations.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var users: UsersOptions

    @OptionGroup var caller: CallerOptions

    @Argument(help: "The user's handle (or uuid, or Cognito sub).")
    var user: String?

    func validate() throws {
        switch (caller.cognitoSub, user) {
        case (nil, nil): throw ValidationError("Name the user: a handle argument, or --as COGNITO_SUB")
        case (.some, .some): throw ValidationError("Name the user by argument or by --as, not both")
        default: break
        }
    }

    func run() async throws {
        let owner = try await users.withStore { store in
            if let cognitoSub = caller.cognitoSub { return try await store.user(cognitoSub: cognitoSub) }
            return try await store.user(reference: user ?? "")
        }
        let store = client.store()
        let output = try await store.operations.query(
            store.conversationsQuery(user: owner.uuid, returnConsumedCapacity: .total))
        print(try JSONOutput.text(output))
    }
}
