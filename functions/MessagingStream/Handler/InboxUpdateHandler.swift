import DynamoDBClient
import DynamoDBTypes
import LambdaRuntime

/// The MessagingStream function: when a message is inserted, moves each of its group's rows (`GRP#<user>`) to
/// the message's `sk` and text, so both inboxes show the latest message (Cruddur pattern E, done carefully).
///
/// Every record of the batch is handled in order. Only INSERTs of `MSG#` keys do anything; other records are
/// ignored and count as success. A duplicate, replayed or older record changes nothing and also counts as
/// success, and so does a message that a later message of the same group in the batch supersedes (the rows are
/// moved once, to the newest). The first record that fails is reported by its SequenceNumber in `batchItemFailures` and the later
/// records are left for the retry, which starts at it. One log line per record names its sequence number, group
/// and outcome, never the message text.
public struct InboxUpdateHandler: LambdaHandler {
    public typealias Event = DynamoDBStreamEvent
    public typealias Output = StreamsEventResponse

    /// Where the requests go: the HTTP client in Lambda, the in-process engine in tests.
    public let operations: any DynamoDBOperations
    /// The table and index names.
    public let configuration: HandlerConfiguration

    /// A handler writing through `operations`.
    public init(operations: any DynamoDBOperations, configuration: HandlerConfiguration) {
        self.operations = operations
        self.configuration = configuration
    }

    /// Handles a batch; returns the first failed record's SequenceNumber, if any, in `batchItemFailures`.
    public func handle(_ event: DynamoDBStreamEvent, context: LambdaContext) async throws -> StreamsEventResponse {
        let supersededBy = Self.supersessions(in: event.records)
        for (index, record) in event.records.enumerated() {
            let sequenceNumber = record.dynamodb.sequenceNumber
            let group = Self.group(of: record) ?? "-"
            do {
                let outcome: RecordOutcome =
                    if let later = supersededBy[index] { .superseded(by: later) } else { try await process(record) }
                var metadata: [String: String] = [
                    "sequenceNumber": sequenceNumber, "group": group, "outcome": outcome.label,
                ]
                switch outcome {
                case .ignored(let reason): metadata["reason"] = reason
                case .superseded(let later): metadata["supersededBy"] = later
                case .unknownGroup: break
                case .updated(let moved, let current):
                    metadata["rowsMoved"] = String(moved)
                    metadata["rowsCurrent"] = String(current)
                }
                context.logger.info("stream record", metadata: metadata.mapValues { .string($0) })
            } catch {
                context.logger.error(
                    "stream record",
                    metadata: [
                        "sequenceNumber": .string(sequenceNumber), "group": .string(group), "outcome": "failed",
                        "error": .string(error.description),
                    ])
                for later in event.records[(index + 1)...] {
                    context.logger.info(
                        "stream record",
                        metadata: [
                            "sequenceNumber": .string(later.dynamodb.sequenceNumber),
                            "group": .string(Self.group(of: later) ?? "-"), "outcome": "not-attempted",
                        ])
                }
                return StreamsEventResponse(batchItemFailures: [BatchItemFailure(itemIdentifier: sequenceNumber)])
            }
        }
        return StreamsEventResponse()
    }

    /// Handles one record.
    ///
    /// - Throws: ``RecordError`` when the record is an unusable message insert or DynamoDB fails.
    public func process(_ record: StreamRecord) async throws(RecordError) -> RecordOutcome {
        guard record.eventName == .insert else {
            return .ignored(reason: "\(record.eventName.rawValue) event")
        }
        guard case .s(let pk)? = record.dynamodb.keys["pk"], pk.hasPrefix("MSG#") else {
            return .ignored(reason: "not a message key")
        }
        let group = String(pk.dropFirst("MSG#".count))
        guard case .s(let sk)? = record.dynamodb.keys["sk"] else {
            throw RecordError("message \"\(pk)\" has no string sk in Keys")
        }
        guard let image = record.dynamodb.newImage else {
            throw RecordError(
                "message {pk \"\(pk)\", sk \"\(sk)\"} has no NewImage; the stream view type must include new images")
        }
        guard case .s(let text)? = image["message"] else {
            throw RecordError("message {pk \"\(pk)\", sk \"\(sk)\"} has no string attribute \"message\"")
        }
        let rows = try await groupRows(group: group)
        guard !rows.isEmpty else { return .unknownGroup }
        let mover = GroupRowMover(operations: operations, tableName: configuration.tableName)
        var moved = 0
        var current = 0
        for row in rows {
            switch try await mover.move(row, group: group, to: sk, text: text) {
            case .moved: moved += 1
            case .current, .vanished: current += 1
            }
        }
        return .updated(moved: moved, current: current)
    }

    /// The group's rows through the group index, the newest per owner (`pk`), in owner order.
    ///
    /// - Throws: ``RecordError`` when the query fails.
    func groupRows(group: String) async throws(RecordError) -> [Item] {
        var newestByOwner: [String: (sk: String, item: Item)] = [:]
        var start: Item?
        repeat {
            let input = QueryInput(
                tableName: configuration.tableName, indexName: configuration.indexName, exclusiveStartKey: start,
                keyConditionExpression: "message_group_uuid = :group",
                expressionAttributeValues: [":group": .s(group)])
            let output: QueryOutput
            do {
                output = try await operations.query(input)
            } catch {
                throw RecordError("querying \"\(configuration.indexName)\" for group \"\(group)\" failed: \(error)")
            }
            for item in output.items ?? [] {
                guard case .s(let pk)? = item["pk"], pk.hasPrefix("GRP#"), case .s(let sk)? = item["sk"] else {
                    continue
                }
                if newestByOwner[pk].map({ $0.sk < sk }) ?? true { newestByOwner[pk] = (sk, item) }
            }
            start = output.lastEvaluatedKey
        } while start != nil
        return newestByOwner.keys.sorted().compactMap { newestByOwner[$0]?.item }
    }

    /// For each well-formed message insert that a later one of the same batch and group matches or passes (its
    /// `sk` is equal or greater), the later one's sequence number. Such a record needs no writes of its own: the
    /// later record moves the rows at least as far, and if anything before it fails, Lambda redelivers it.
    static func supersessions(in records: [StreamRecord]) -> [Int: String] {
        var result: [Int: String] = [:]
        var newest: [String: (sk: String, sequenceNumber: String)] = [:]
        for (index, record) in records.enumerated().reversed() {
            guard let (group, sk) = messageInsert(record) else { continue }
            if let later = newest[group], later.sk >= sk {
                result[index] = later.sequenceNumber
            } else {
                newest[group] = (sk, record.dynamodb.sequenceNumber)
            }
        }
        return result
    }

    /// The group and `sk` of an INSERT of a `MSG#` item whose NewImage carries a string `message`, else nil.
    static func messageInsert(_ record: StreamRecord) -> (group: String, sk: String)? {
        guard record.eventName == .insert, let group = group(of: record),
            case .s(let sk)? = record.dynamodb.keys["sk"], case .s? = record.dynamodb.newImage?["message"]
        else { return nil }
        return (group, sk)
    }

    /// The group uuid of a `MSG#` record, for logs.
    static func group(of record: StreamRecord) -> String? {
        guard case .s(let pk)? = record.dynamodb.keys["pk"], pk.hasPrefix("MSG#") else { return nil }
        return String(pk.dropFirst("MSG#".count))
    }
}
