/// The key of the table or index a Query reads: partition key and optional sort key, with their types.
public struct KeySchema: Sendable, Hashable {
    /// A key attribute's scalar type.
    public enum ScalarType: String, Sendable, Hashable {
        case string = "S"
        case number = "N"
        case binary = "B"
    }

    /// One key attribute.
    public struct Element: Sendable, Hashable {
        /// The attribute's name.
        public let name: String
        /// The attribute's type, from the table's AttributeDefinitions.
        public let type: ScalarType

        /// A key attribute named `name` of type `type`.
        public init(name: String, type: ScalarType) {
            self.name = name
            self.type = type
        }
    }

    /// The HASH key.
    public let partitionKey: Element
    /// The RANGE key, if the table or index has one.
    public let sortKey: Element?

    /// A key schema from its partition key and optional sort key.
    public init(partitionKey: Element, sortKey: Element? = nil) {
        self.partitionKey = partitionKey
        self.sortKey = sortKey
    }
}
