import DynamoDBTypes

/// A message of a group as pattern A shows it: `{uuid, display_name, handle, message, created_at}`.
public struct Message: Codable, Sendable, Hashable {
    /// The message's uuid (`message_uuid`).
    public var uuid: String
    /// The sender's display name.
    public var displayName: String
    /// The sender's handle.
    public var handle: String
    /// The text.
    public var message: String
    /// The creation time: the item's `sk`.
    public var createdAt: String

    /// Creates a message.
    public init(uuid: String, displayName: String, handle: String, message: String, createdAt: String) {
        self.uuid = uuid
        self.displayName = displayName
        self.handle = handle
        self.message = message
        self.createdAt = createdAt
    }

    /// Reads a `MSG#` item.
    ///
    /// - Throws: ``MessagingError`` `.malformedItem` naming the missing attribute and the item's key.
    public init(item: Item) throws(MessagingError) {
        let reader = ItemReader(item: item)
        self.init(
            uuid: try reader.string(MessagingSchema.Attribute.messageUUID),
            displayName: try reader.string(MessagingSchema.Attribute.userDisplayName),
            handle: try reader.string(MessagingSchema.Attribute.userHandle),
            message: try reader.string(MessagingSchema.Attribute.message),
            createdAt: try reader.string(MessagingSchema.Attribute.sk))
    }

    /// One line of `cruddur get-conversation`: the handle padded to 12, the time (`YYYY-MM-DD HH:MM AM/PM`) padded
    /// to 22, the first 40 characters of the text and `...`.
    public var conversationLine: String {
        func padded(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        let time = MessageTimestamp.displayTime(createdAt) ?? createdAt
        return padded(handle, 12) + padded(time, 22) + String(message.prefix(40)) + "..."
    }

    enum CodingKeys: String, CodingKey {
        case uuid
        case displayName = "display_name"
        case handle
        case message
        case createdAt = "created_at"
    }
}

/// A conversation in a user's inbox as pattern B shows it: the group, the other participant, the last message.
public struct Conversation: Codable, Sendable, Hashable {
    /// The group's uuid (`message_group_uuid`).
    public var uuid: String
    /// The other participant's display name.
    public var displayName: String
    /// The other participant's handle.
    public var handle: String
    /// The last message's text.
    public var message: String
    /// The last message's time: the group row's `sk`.
    public var createdAt: String

    /// Creates a conversation.
    public init(uuid: String, displayName: String, handle: String, message: String, createdAt: String) {
        self.uuid = uuid
        self.displayName = displayName
        self.handle = handle
        self.message = message
        self.createdAt = createdAt
    }

    /// Reads a `GRP#` item.
    ///
    /// - Throws: ``MessagingError`` `.malformedItem` naming the missing attribute and the item's key.
    public init(item: Item) throws(MessagingError) {
        let reader = ItemReader(item: item)
        self.init(
            uuid: try reader.string(MessagingSchema.Attribute.messageGroupUUID),
            displayName: try reader.string(MessagingSchema.Attribute.userDisplayName),
            handle: try reader.string(MessagingSchema.Attribute.userHandle),
            message: try reader.string(MessagingSchema.Attribute.message),
            createdAt: try reader.string(MessagingSchema.Attribute.sk))
    }

    enum CodingKeys: String, CodingKey {
        case uuid
        case displayName = "display_name"
        case handle
        case message
        case createdAt = "created_at"
    }
}

/// Reads string attributes of an item, naming the item's key (never its other contents) when one is missing.
struct ItemReader {
    let item: Item

    func string(_ name: String) throws(MessagingError) -> String {
        guard case .s(let value)? = item[name] else {
            let found = item[name].map { "a \($0.typeDescriptor) value" } ?? "nothing"
            throw MessagingError(
                .malformedItem, "Item \(key) has no string attribute \"\(name)\" (found \(found))")
        }
        return value
    }

    /// `pk`/`sk` as `{pk: "…", sk: "…"}` for messages.
    var key: String {
        let parts = [MessagingSchema.Attribute.pk, MessagingSchema.Attribute.sk].compactMap { name -> String? in
            guard case .s(let value)? = item[name] else { return nil }
            return "\(name) \"\(value)\""
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
