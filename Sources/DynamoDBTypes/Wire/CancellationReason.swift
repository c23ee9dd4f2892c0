/// The `CancellationReason` shape of the DynamoDB JSON 1.0 protocol (one per action of a cancelled transaction).
public struct CancellationReason: Codable, Sendable, Equatable {
    public var item: [String: AttributeValue]?
    public var code: String?
    public var message: String?

    /// Creates the shape from its members.
    public init(item: [String: AttributeValue]? = nil, code: String? = nil, message: String? = nil) {
        self.item = item
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
        case code = "Code"
        case message = "Message"
    }
}
