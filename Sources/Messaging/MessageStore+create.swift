import DynamoDBClient
import DynamoDBTypes

/// The result of ``MessageStore/send(from:to:text:)``.
public struct SentMessage: Sendable, Hashable {
    /// Which pattern wrote the message.
    public enum Pattern: String, Sendable, Hashable {
        /// C: the two users already had a group.
        case existingGroup
        /// D: a new group was created with the message.
        case newGroup
    }

    /// The pattern used.
    public var pattern: Pattern
    /// The group's uuid.
    public var group: String
    /// The message written.
    public var message: Message
}

extension MessageStore {
    // MARK: C — a message in an existing group

    /// Pattern C: puts a message item in `group` with `sk` = now, a new `message_uuid` and the sender's details.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` for an empty group, `.dynamoDB` when the put fails (also
    ///   when a message already exists at the same microsecond: the put never overwrites).
    public func createMessage(group: String, sender: User, text: String) async throws(MessagingError) -> Message {
        try Self.requireNonEmpty(group, "group uuid")
        let message = Message(
            uuid: newUUID(), displayName: sender.displayName, handle: sender.handle, message: text,
            createdAt: MessageTimestamp.string(from: now()))
        let item = messageItem(message, group: group, sender: sender)
        _ = try await run("PutItem \(MessagingSchema.messagePartitionKey(group: group))") {
            (operations) async throws(DynamoDBClientError) in
            try await operations.putItem(
                PutItemInput(tableName: tableName, item: item, conditionExpression: "attribute_not_exists(pk)"))
        }
        return message
    }

    // MARK: D — the first message to someone

    /// Pattern D: a new group uuid; the sender's group row (about the receiver), the receiver's group row (about
    /// the sender) and the message, written in one TransactWriteItems.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` when sender and receiver are the same user, `.dynamoDB`
    ///   when the transaction is refused (nothing is written then).
    public func createConversation(sender: User, receiver: User, text: String) async throws(MessagingError)
        -> SentMessage
    {
        guard sender.uuid != receiver.uuid else {
            throw MessagingError(.invalidArgument, "Cannot start a conversation of \"\(sender.handle)\" with itself")
        }
        let group = newUUID()
        let message = Message(
            uuid: newUUID(), displayName: sender.displayName, handle: sender.handle, message: text,
            createdAt: MessageTimestamp.string(from: now()))
        let items = [
            groupRow(owner: sender, other: receiver, group: group, sk: message.createdAt, text: text),
            groupRow(owner: receiver, other: sender, group: group, sk: message.createdAt, text: text),
            messageItem(message, group: group, sender: sender),
        ]
        let input = TransactWriteItemsInput(
            transactItems: items.map {
                TransactWriteItem(
                    put: TransactPut(item: $0, tableName: tableName, conditionExpression: "attribute_not_exists(pk)"))
            })
        _ = try await run("TransactWriteItems for new group \"\(group)\"") {
            (operations) async throws(DynamoDBClientError) in try await operations.transactWriteItems(input)
        }
        return SentMessage(pattern: .newGroup, group: group, message: message)
    }

    // MARK: C or D

    /// The uuid of the newest group between `user` and `other`, read from `user`'s group rows (strongly
    /// consistent), or nil when they have none.
    ///
    /// - Throws: ``MessagingError`` `.dynamoDB` or `.malformedItem`.
    public func findGroup(of user: User, with other: User) async throws(MessagingError) -> String? {
        let rows = try await groupRows(of: user, where: "user_uuid = :value", equals: other.uuid)
        return rows.max { $0.createdAt < $1.createdAt }?.uuid
    }

    /// Whether `user` has a group row of `group` (strongly consistent): whether the conversation is in its inbox.
    ///
    /// - Throws: ``MessagingError`` `.dynamoDB` or `.malformedItem`.
    public func isMember(_ user: User, of group: String) async throws(MessagingError) -> Bool {
        try await !groupRows(of: user, where: "message_group_uuid = :value", equals: group).isEmpty
    }

    /// Every group row of `user` (all pages) that `filter` (naming `:value`) keeps.
    private func groupRows(of user: User, where filter: String, equals value: String) async throws(MessagingError)
        -> [Conversation]
    {
        var start: Item?
        var rows: [Conversation] = []
        repeat {
            let input = QueryInput(
                tableName: tableName, consistentRead: true, exclusiveStartKey: start,
                filterExpression: filter, keyConditionExpression: "pk = :pk",
                expressionAttributeValues: [
                    ":pk": .s(MessagingSchema.groupPartitionKey(user: user.uuid)), ":value": .s(value),
                ])
            let output = try await run("Query \(MessagingSchema.groupPartitionKey(user: user.uuid))") {
                (operations) async throws(DynamoDBClientError) in try await operations.query(input)
            }
            for item in output.items ?? [] { rows.append(try Conversation(item: item)) }
            start = output.lastEvaluatedKey
        } while start != nil
        return rows
    }

    /// Sends `text` from `sender` to `receiver`: pattern C when they already have a group, else pattern D.
    ///
    /// - Throws: ``MessagingError`` as ``createMessage(group:sender:text:)`` and
    ///   ``createConversation(sender:receiver:text:)``.
    public func send(from sender: User, to receiver: User, text: String) async throws(MessagingError) -> SentMessage {
        if let group = try await findGroup(of: sender, with: receiver) {
            let message = try await createMessage(group: group, sender: sender, text: text)
            return SentMessage(pattern: .existingGroup, group: group, message: message)
        }
        return try await createConversation(sender: sender, receiver: receiver, text: text)
    }

    // MARK: Items

    /// A `MSG#<group>` item.
    func messageItem(_ message: Message, group: String, sender: User) -> Item {
        typealias Name = MessagingSchema.Attribute
        return [
            Name.pk: .s(MessagingSchema.messagePartitionKey(group: group)), Name.sk: .s(message.createdAt),
            Name.messageUUID: .s(message.uuid), Name.message: .s(message.message),
            Name.userUUID: .s(sender.uuid), Name.userDisplayName: .s(sender.displayName),
            Name.userHandle: .s(sender.handle),
        ]
    }

    /// A `GRP#<owner>` row describing `other`.
    func groupRow(owner: User, other: User, group: String, sk: String, text: String) -> Item {
        typealias Name = MessagingSchema.Attribute
        return [
            Name.pk: .s(MessagingSchema.groupPartitionKey(user: owner.uuid)), Name.sk: .s(sk),
            Name.messageGroupUUID: .s(group), Name.message: .s(text),
            Name.userUUID: .s(other.uuid), Name.userDisplayName: .s(other.displayName),
            Name.userHandle: .s(other.handle),
        ]
    }
}
