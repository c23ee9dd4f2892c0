import ArgumentParser

/// `cruddur`: the Cruddur messaging scripts (schema-load, seed, scan, the access patterns) against any DynamoDB
/// endpoint, by default a local one at http://localhost:8000; the users scripts (`db`, `update-cognito-user-ids`)
/// against Cruddur's PostgreSQL and a Cognito user pool.
@main
struct Cruddur: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cruddur",
        abstract: "Cruddur's direct messages on DynamoDB: create, seed and query the cruddur-messages table.",
        subcommands: [
            SchemaLoad.self, Seed.self, Scan.self, GetConversation.self, ListConversations.self, Send.self, Drop.self,
            ListTables.self, Database.self, UpdateCognitoUserIDs.self,
        ])
}
