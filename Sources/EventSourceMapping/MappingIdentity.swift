/// Names a mapping: AWS's UUID, a readable name (`<Function>.<Event>`) and the function it invokes.
public struct MappingIdentity: Sendable, Hashable, Codable {
    /// The event source mapping's UUID (stable across restarts: checkpoints are stored under it).
    public var uuid: String
    /// `<Function>.<Event>`, e.g. `MessagingStream.Stream`.
    public var name: String
    /// The function's ARN, as the on-failure record names it.
    public var functionARN: String

    /// An identity from its parts.
    public init(uuid: String, name: String, functionARN: String) {
        self.uuid = uuid
        self.name = name
        self.functionARN = functionARN
    }
}
