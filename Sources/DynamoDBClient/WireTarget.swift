/// An operation's `X-Amz-Target`: DynamoDB's (`DynamoDB_20120810.<Op>`) or DynamoDB Streams'
/// (`DynamoDBStreams_20120810.<Op>`).
struct WireTarget: Sendable, Hashable {
    /// The operation name, e.g. `PutItem`.
    let operation: String
    /// Whether it goes to the DynamoDB Streams endpoint.
    let isStreams: Bool

    /// A DynamoDB operation.
    static func dynamoDB(_ operation: String) -> Self { Self(operation: operation, isStreams: false) }

    /// A DynamoDB Streams operation.
    static func streams(_ operation: String) -> Self { Self(operation: operation, isStreams: true) }

    /// The header value.
    var headerValue: String { (isStreams ? "DynamoDBStreams_20120810." : "DynamoDB_20120810.") + operation }

    /// DynamoDB speaks AWS JSON 1.0 (`application/x-amz-json-1.0`).
    static let jsonVersion = "1.0"
    /// Both DynamoDB and DynamoDB Streams sign as `dynamodb`.
    static let signingName = "dynamodb"
}
