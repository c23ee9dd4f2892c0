import ArgumentParser
import CognitoClient
import Messaging
import MessagingPostgres

/// `cruddur update-cognito-user-ids`: fills `cognito_user_id` from the pool's users, matched by handle.
struct UpdateCognitoUserIDs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-cognito-user-ids",
        abstract: "Set each user's cognito_user_id to the sub of the pool user whose preferred_username is its handle.",
        discussion: """
            Reads every page of the pool's ListUsers (signed with the standard AWS variables; region from AWS_REGION \
            or AWS_DEFAULT_REGION), then updates the matching rows in one transaction. Prints each row changed, \
            each row already current, each pool user that matched no row or has no preferred_username, and each \
            row no pool user names. Exits 1, writing nothing, when the pool or the database cannot be reached or \
            two pool users share a handle.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The Cognito user pool, e.g. us-east-1_AbCdEfGhI.")
    var userPoolID: String

    @Option(
        help: ArgumentHelp(
            """
            The Cognito endpoint (default: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL, or the \
            region's).
            """,
            valueName: "url"))
    var cognitoEndpointURL: String?

    func validate() throws {
        if userPoolID.isEmpty { throw ValidationError("--user-pool-id is empty") }
        if let url = cognitoEndpointURL, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("--cognito-endpoint-url \"\(url)\" is not an http:// or https:// URL")
        }
    }

    func run() async throws {
        let url = try database.requiredURL()
        let cognito = CognitoClient(endpoint: cognitoEndpointURL)
        let users: [CognitoUser]
        do {
            users = try await cognito.allUsers(userPoolID: userPoolID)
        } catch {
            throw MessagingError(
                .userPool, "Cannot read the users of the Cognito user pool \"\(userPoolID)\": \(error)")
        }
        let poolUsers = users.map {
            PoolUser(
                username: $0.username, sub: $0.attribute("sub"), preferredUsername: $0.attribute("preferred_username"))
        }
        print("Read \(poolUsers.count) users from the Cognito user pool \(userPoolID)")
        let update = try await PostgresUserStore.withStore(url) { try await $0.updateCognitoUserIDs(from: poolUsers) }
        for line in update.report { print(line) }
    }
}
