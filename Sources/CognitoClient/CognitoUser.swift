/// A user as Cognito's `ListUsers` returns it: the username and its attributes.
public struct CognitoUser: Sendable, Hashable, Decodable {
    /// One `{Name, Value}` attribute.
    public struct Attribute: Sendable, Hashable, Decodable {
        /// The attribute name, e.g. `sub` or `preferred_username`.
        public var name: String
        /// Its value.
        public var value: String?

        enum CodingKeys: String, CodingKey {
            case name = "Name"
            case value = "Value"
        }
    }

    /// The pool's `Username`.
    public var username: String
    /// The attributes returned.
    public var attributes: [Attribute]

    /// Creates a user.
    public init(username: String, attributes: [Attribute]) {
        self.username = username
        self.attributes = attributes
    }

    /// The value of the attribute `name`, if the user has it.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    enum CodingKeys: String, CodingKey {
        case username = "Username"
        case attributes = "Attributes"
    }

    /// Decodes a user; a user returned without `Attributes` has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        username = try container.decode(String.self, forKey: .username)
        attributes = try container.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
    }
}

extension CognitoUser.Attribute {
    /// Creates an attribute.
    public init(_ name: String, _ value: String?) {
        self.init(name: name, value: value)
    }
}
