/// What a stream handler returns to report partial batch failures (ESM `ReportBatchItemFailures`).
///
/// `{"batchItemFailures": [{"itemIdentifier": "<SequenceNumber>"}]}`; an empty list means success.
/// Decoding treats an absent or null list as empty (AWS accepts `{}` and `{"batchItemFailures": null}`
/// as success); an entry without a string `itemIdentifier` fails to decode, which the ESM treats
/// as a failure of the whole batch.
public struct StreamsEventResponse: Codable, Sendable, Hashable {
    /// The records that failed; Lambda retries from the lowest sequence number among them.
    public var batchItemFailures: [BatchItemFailure]

    /// A response reporting `batchItemFailures` (empty for success).
    public init(batchItemFailures: [BatchItemFailure] = []) {
        self.batchItemFailures = batchItemFailures
    }

    enum CodingKeys: String, CodingKey {
        case batchItemFailures
    }

    /// Decodes, reading a missing or null `batchItemFailures` as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        batchItemFailures = try container.decodeIfPresent([BatchItemFailure].self, forKey: .batchItemFailures) ?? []
    }
}

/// One failed record of a batch, named by its `dynamodb.SequenceNumber`.
public struct BatchItemFailure: Codable, Sendable, Hashable {
    /// The failed record's sequence number.
    public var itemIdentifier: String

    /// A failure for the record with sequence number `itemIdentifier`.
    public init(itemIdentifier: String) {
        self.itemIdentifier = itemIdentifier
    }
}
