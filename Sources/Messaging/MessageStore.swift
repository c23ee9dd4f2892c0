import DynamoDBClient
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Cruddur direct-message access patterns (cruddur.md) over any ``DynamoDBOperations``.
///
/// A: a group's messages; B: a user's conversations; C: a message in an existing group; D: the first message
/// to someone, creating the group (one transaction). Time and uuids come from injectable sources so tests
/// can pin them; every `sk` is written with ``MessageTimestamp``.
public struct MessageStore: Sendable {
    /// How many messages or conversations patterns A and B return.
    public static let pageSize = 20

    /// Where requests go (the HTTP client, or the in-process engine in tests).
    public let operations: any DynamoDBOperations
    /// The messages table.
    public let tableName: String
    /// The clock that stamps new messages and picks the "current year" of patterns A and B.
    public let now: @Sendable () -> Date
    /// The source of message and group uuids.
    public let makeUUID: @Sendable () -> UUID

    /// Creates the patterns over `operations`, using the system clock and random uuids unless given others.
    public init(
        operations: any DynamoDBOperations, tableName: String = MessagingSchema.tableName,
        now: @escaping @Sendable () -> Date = { Date() }, makeUUID: @escaping @Sendable () -> UUID = { UUID() }
    ) {
        self.operations = operations
        self.tableName = tableName
        self.now = now
        self.makeUUID = makeUUID
    }

    // MARK: A — messages of a group

    /// Pattern A's query: `pk = MSG#<group> AND begins_with(sk, <current year>)`, newest first, 20 at most.
    public func messagesQuery(group: String, returnConsumedCapacity: ReturnConsumedCapacity? = nil) -> QueryInput {
        newestOfThisYear(
            partitionKey: MessagingSchema.messagePartitionKey(group: group),
            returnConsumedCapacity: returnConsumedCapacity)
    }

    /// Pattern A: the newest 20 messages of `group` in the current year, oldest first.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` for an empty group, `.dynamoDB` or `.malformedItem`.
    public func listMessages(group: String) async throws(MessagingError) -> [Message] {
        try Self.requireNonEmpty(group, "group uuid")
        let output = try await run("Query \(MessagingSchema.messagePartitionKey(group: group))") {
            (operations) async throws(DynamoDBClientError) in try await operations.query(messagesQuery(group: group))
        }
        return try Self.messages(from: output)
    }

    /// The messages of a pattern A response, oldest first.
    ///
    /// - Throws: ``MessagingError`` `.malformedItem` naming the item's key and the missing attribute.
    public static func messages(from output: QueryOutput) throws(MessagingError) -> [Message] {
        try (output.items ?? []).reversed().map { (item) throws(MessagingError) in try Message(item: item) }
    }

    // MARK: B — a user's conversations

    /// Pattern B's query: `pk = GRP#<user> AND begins_with(sk, <current year>)`, newest first, 20 at most.
    public func conversationsQuery(user uuid: String, returnConsumedCapacity: ReturnConsumedCapacity? = nil)
        -> QueryInput
    {
        newestOfThisYear(
            partitionKey: MessagingSchema.groupPartitionKey(user: uuid), returnConsumedCapacity: returnConsumedCapacity)
    }

    /// Patterns A and B alike: `pk = <partitionKey> AND begins_with(sk, <current year>)`, newest first, 20 at most.
    private func newestOfThisYear(partitionKey: String, returnConsumedCapacity: ReturnConsumedCapacity?) -> QueryInput {
        QueryInput(
            tableName: tableName, limit: Self.pageSize, scanIndexForward: false,
            returnConsumedCapacity: returnConsumedCapacity,
            keyConditionExpression: "pk = :pk AND begins_with(sk, :year)",
            expressionAttributeValues: [":pk": .s(partitionKey), ":year": .s(MessageTimestamp.year(of: now()))])
    }

    /// Pattern B: the user's 20 most recently active conversations of the current year, newest first.
    ///
    /// - Throws: ``MessagingError`` `.dynamoDB` or `.malformedItem`.
    public func listConversations(user: User) async throws(MessagingError) -> [Conversation] {
        let output = try await run("Query \(MessagingSchema.groupPartitionKey(user: user.uuid))") {
            (operations) async throws(DynamoDBClientError) in
            try await operations.query(conversationsQuery(user: user.uuid))
        }
        return try (output.items ?? []).map { (item) throws(MessagingError) in try Conversation(item: item) }
    }

    // MARK: Helpers

    /// Runs one DynamoDB call, wrapping its error with the operation's name.
    func run<T>(
        _ operation: String, _ body: (any DynamoDBOperations) async throws(DynamoDBClientError) -> T
    ) async throws(MessagingError) -> T {
        do {
            return try await body(operations)
        } catch {
            throw MessagingError.dynamoDB(operation, error)
        }
    }

    static func requireNonEmpty(_ value: String, _ what: String) throws(MessagingError) {
        if value.isEmpty { throw MessagingError(.invalidArgument, "The \(what) is empty (\"\")") }
    }

    /// A fresh lowercase uuid.
    func newUUID() -> String { makeUUID().uuidString.lowercased() }
}
