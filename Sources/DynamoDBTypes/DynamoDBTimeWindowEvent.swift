#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The event a DynamoDB stream function receives when its mapping has `TumblingWindowInSeconds`: the batch's
/// records plus the window, the state the previous invocation of the window returned, and whether this is the
/// window's final invocation (no records; aggregate and report here). Named as aws-lambda-go and Java name it.
///
/// The state is a map of strings, as AWS recommends for Java and aws-lambda-go declares it; a function that needs
/// other JSON values decodes its own event type.
public struct DynamoDBTimeWindowEvent: Codable, Sendable, Hashable {
    /// The records of this invocation (empty on the final invocation).
    public var records: [StreamRecord]
    /// The window the records belong to.
    public var window: Window
    /// What the previous invocation of this window returned as `state` (empty when the window opens).
    public var state: [String: String]
    /// The shard the records come from.
    public var shardID: String?
    /// The stream's ARN.
    public var eventSourceARN: String?
    /// True on the window's last invocation: no records, `state` is the window's result.
    public var isFinalInvokeForWindow: Bool
    /// True when the window ended early because its state grew over 1 MB; the window then continues with an empty
    /// state.
    public var isWindowTerminatedEarly: Bool

    /// A tumbling window's bounds, as ISO-8601 strings (`2026-12-04T12:00:00Z`).
    public struct Window: Codable, Sendable, Hashable {
        /// The window's first instant.
        public var start: String
        /// The instant after its last.
        public var end: String

        /// A window from its bounds.
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// An event from its parts.
    public init(
        records: [StreamRecord], window: Window, state: [String: String] = [:], shardID: String? = nil,
        eventSourceARN: String? = nil, isFinalInvokeForWindow: Bool = false, isWindowTerminatedEarly: Bool = false
    ) {
        self.records = records
        self.window = window
        self.state = state
        self.shardID = shardID
        self.eventSourceARN = eventSourceARN
        self.isFinalInvokeForWindow = isFinalInvokeForWindow
        self.isWindowTerminatedEarly = isWindowTerminatedEarly
    }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
        case window, state
        case shardID = "shardId"
        case eventSourceARN, isFinalInvokeForWindow, isWindowTerminatedEarly
    }

    /// Decodes, reading a missing or null `state` as empty and missing flags as false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        records = try container.decodeIfPresent([StreamRecord].self, forKey: .records) ?? []
        window = try container.decode(Window.self, forKey: .window)
        state = try container.decodeIfPresent([String: String].self, forKey: .state) ?? [:]
        shardID = try container.decodeIfPresent(String.self, forKey: .shardID)
        eventSourceARN = try container.decodeIfPresent(String.self, forKey: .eventSourceARN)
        isFinalInvokeForWindow = try container.decodeIfPresent(Bool.self, forKey: .isFinalInvokeForWindow) ?? false
        isWindowTerminatedEarly = try container.decodeIfPresent(Bool.self, forKey: .isWindowTerminatedEarly) ?? false
    }
}

/// What a tumbling-window function returns: the window's `state` so far (Lambda fails an invocation whose
/// response has none) and, with `ReportBatchItemFailures`, the records to retry.
public struct TimeWindowEventResponse: Codable, Sendable, Hashable {
    /// The state to hand to the window's next invocation (at most 1 MB, else the window ends early).
    public var state: [String: String]
    /// The records that failed; Lambda retries from the lowest sequence number among them.
    public var batchItemFailures: [BatchItemFailure]

    /// A response carrying `state` and `batchItemFailures` (empty for success).
    public init(state: [String: String], batchItemFailures: [BatchItemFailure] = []) {
        self.state = state
        self.batchItemFailures = batchItemFailures
    }
}
