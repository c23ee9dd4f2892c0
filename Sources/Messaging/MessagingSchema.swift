/// The names of the Cruddur messages table: key prefixes, attributes and the group index.
public enum MessagingSchema {
    /// `cruddur-messages`.
    public static let tableName = "cruddur-messages"
    /// `message-group-sk-index`: `message_group_uuid` (HASH) + `sk` (RANGE), projection ALL, group rows only.
    public static let groupIndexName = "message-group-sk-index"
    /// The partition key of a user's group rows is `GRP#<user uuid>`.
    public static let groupPrefix = "GRP#"
    /// The partition key of a group's messages is `MSG#<group uuid>`.
    public static let messagePrefix = "MSG#"

    /// Attribute names.
    public enum Attribute {
        public static let pk = "pk"
        public static let sk = "sk"
        public static let message = "message"
        public static let messageUUID = "message_uuid"
        public static let messageGroupUUID = "message_group_uuid"
        public static let userUUID = "user_uuid"
        public static let userDisplayName = "user_display_name"
        public static let userHandle = "user_handle"
    }

    /// `GRP#<user uuid>`.
    public static func groupPartitionKey(user uuid: String) -> String { groupPrefix + uuid }
    /// `MSG#<group uuid>`.
    public static func messagePartitionKey(group uuid: String) -> String { messagePrefix + uuid }
}
