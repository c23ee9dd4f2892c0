import DynamoDBClient
import DynamoDBTypes
import LambdaRuntime

/// The MessagingStream function: when a message is inserted, moves each of its group's rows (`GRP#<user>`) to
/// the message's `sk` and text, so both inboxes show the latest message (Cruddur pattern E, done carefully).
///
/// Every record of the batch is handled. Only INSERTs of `MSG#` keys do anything; other records are ignored and
/// count as success. A duplicate, replayed or older record changes nothing and also counts as success, and so does
/// a message that a later message of the same group in the batch supersedes (the rows are moved once, to the
/// newest). The first record that fails is reported by its SequenceNumber in `batchItemFailures`; the retry starts
/// at it. One log line per record names its sequence number, group and outcome, never the message text.
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

    /// How many groups of a batch are moved at once: each group needs a Query and a transaction per row, and the
    /// groups are independent, so waiting for them one after another would bound the stream by round trips.
    public static let concurrentGroups = 4

    /// Handles a batch; returns the first failed record's SequenceNumber, if any, in `batchItemFailures`.
    ///
    /// Groups touch disjoint rows, so they run concurrently (``concurrentGroups`` at a time), each group's records
    /// in batch order. Lambda retries from the lowest failed record; records after it that succeeded are
    /// redelivered and change nothing, since rows never move backwards.
    public func handle(_ event: DynamoDBStreamEvent, context: LambdaContext) async throws -> StreamsEventResponse {
        let records = event.records
        var outcomes: [Int: Result<RecordOutcome, RecordError>] = Self.supersessions(in: records).mapValues {
            .success(.superseded(by: $0))
        }
        // Records of one group run in order (an earlier record may carry a later message); groups run concurrently.
        var lanes: [String: [Int]] = [:]
        var order: [String] = []
        for index in records.indices where outcomes[index] == nil {
            let key = Self.group(of: records[index]) ?? "record \(index)"
            if lanes[key] == nil { order.append(key) }
            lanes[key, default: []].append(index)
        }
        await withTaskGroup(of: [(Int, Result<RecordOutcome, RecordError>)].self) { group in
            var queue = order.compactMap { lanes[$0] }.makeIterator()
            func start(_ indices: [Int]) {
                group.addTask {
                    var results: [(Int, Result<RecordOutcome, RecordError>)] = []
                    for index in indices {
                        do throws(RecordError) {
                            results.append((index, .success(try await process(records[index]))))
                        } catch {
                            results.append((index, .failure(error)))
                        }
                    }
                    return results
                }
            }
            for _ in 0..<Self.concurrentGroups {
                guard let indices = queue.next() else { break }
                start(indices)
            }
            for await results in group {
                for (index, result) in results { outcomes[index] = result }
                if let next = queue.next() { start(next) }
            }
        }
        var firstFailure: Int?
        for (index, record) in records.enumerated() {
            log(record, outcomes[index], context: context)
            if case .failure? = outcomes[index], firstFailure == nil { firstFailure = index }
        }
        guard let firstFailure else { return StreamsEventResponse() }
        return StreamsEventResponse(
            batchItemFailures: [BatchItemFailure(itemIdentifier: records[firstFailure].dynamodb.sequenceNumber)])
    }

    /// One line per record: sequence number, group and outcome (and the error, at error level), never the text.
    func log(_ record: StreamRecord, _ outcome: Result<RecordOutcome, RecordError>?, context: LambdaContext) {
        var metadata: [String: String] = [
            "sequenceNumber": record.dynamodb.sequenceNumber, "group": Self.group(of: record) ?? "-",
        ]
        switch outcome {
        case .success(let outcome)?:
            metadata["outcome"] = outcome.label
            switch outcome {
            case .ignored(let reason): metadata["reason"] = reason
            case .superseded(let later): metadata["supersededBy"] = later
            case .unknownGroup: break
            case .updated(let moved, let current):
                metadata["rowsMoved"] = String(moved)
                metadata["rowsCurrent"] = String(current)
            }
            context.logger.info("stream record", metadata: metadata.mapValues { .string($0) })
        case .failure(let error)?:
            metadata["outcome"] = "failed"
            metadata["error"] = error.description
            context.logger.error("stream record", metadata: metadata.mapValues { .string($0) })
        case nil:
            metadata["outcome"] = "not-attempted"
            context.logger.info("stream record", metadata: metadata.mapValues { .string($0) })
        }
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
