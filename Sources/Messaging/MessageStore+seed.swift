import DynamoDBClient
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One line of a seeded conversation.
public struct SeedLine: Sendable, Hashable {
    /// Who says it.
    public var sender: User
    /// What is said.
    public var text: String

    /// Creates a line.
    public init(sender: User, text: String) {
        self.sender = sender
        self.text = text
    }
}

extension MessageStore {
    /// Seeds a conversation as the original `seed` script did: both group rows of `group` with `sk` = now and
    /// `message` = `filler`, then line *i* (from 1) as a message created at now + *i* minutes.
    ///
    /// - Throws: ``MessagingError`` `.invalidArgument` when a line's sender is not one of `users`, `.dynamoDB`
    ///   when a put fails (items written before it stay).
    /// - Returns: The messages written, oldest first.
    public func seed(group: String, users: (User, User), lines: [SeedLine], filler: String) async throws(MessagingError)
        -> [Message]
    {
        try Self.requireNonEmpty(group, "group uuid")
        let start = now()
        let sk = MessageTimestamp.string(from: start)
        var items = [
            groupRow(owner: users.0, other: users.1, group: group, sk: sk, text: filler),
            groupRow(owner: users.1, other: users.0, group: group, sk: sk, text: filler),
        ]
        var messages: [Message] = []
        for (index, line) in lines.enumerated() {
            guard line.sender == users.0 || line.sender == users.1 else {
                throw MessagingError(
                    .invalidArgument,
                    "Seed line \(index + 1) is from \"\(line.sender.handle)\", who is not in the conversation")
            }
            let message = Message(
                uuid: newUUID(), displayName: line.sender.displayName, handle: line.sender.handle, message: line.text,
                createdAt: MessageTimestamp.string(from: start.addingTimeInterval(Double(index + 1) * 60)))
            messages.append(message)
            items.append(messageItem(message, group: group, sender: line.sender))
        }
        for item in items {
            let pk = item[MessagingSchema.Attribute.pk].flatMap { if case .s(let text) = $0 { text } else { nil } }
            _ = try await run("PutItem \(pk ?? "?")") { (operations) async throws(DynamoDBClientError) in
                try await operations.putItem(PutItemInput(tableName: tableName, item: item))
            }
        }
        return messages
    }
}
