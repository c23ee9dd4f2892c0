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
    /// The rows this handler last moved, per group (kept across the invocations of one execution environment).
    public let rowCache: GroupRowCache

    /// A handler writing through `operations`.
    public init(
        operations: any DynamoDBOperations, configuration: HandlerConfiguration, rowCache: GroupRowCache = GroupRowCache()
    ) {
        self.operations = operations
        self.configuration = configuration
        self.rowCache = rowCache
    }

    /// How many groups of a batch are moved at once: each group needs a Query and a transaction, and the
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
        let sender: String? = if case .s(let uuid)? = image["user_uuid"] { uuid } else { nil }
        let mover = GroupRowMover(operations: operations, tableName: configuration.tableName)
        // The rows as this process last moved them need no index read; a stale entry is refused by the move's
        // conditions (nothing written) and the rows are read as below.
        if let cached = rowCache.rows(of: group) {
            if let moved = try await mover.moveTogether(cached, to: sk, text: text) {
                rowCache.remember(cached.map { GroupRowMover.moved($0, to: sk, text: text) }, of: group)
                return .updated(moved: moved, current: 0)
            }
            rowCache.forget(group)
        }
        let rows = try await groupRows(group: group, sender: sender)
        guard !rows.isEmpty else { return .unknownGroup }
        // The usual case, every row older than the message: one transaction for the whole group.
        if let moved = try await mover.moveTogether(rows, to: sk, text: text) {
            rowCache.remember(rows.map { GroupRowMover.moved($0, to: sk, text: text) }, of: group)
            return .updated(moved: moved, current: 0)
        }
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

    /// The group's rows, the newest per owner (`pk`), in owner order: through the group index, then, for every
    /// participant the index does not show a row of, from the base table.
    ///
    /// The index is eventually consistent on AWS: a row being moved (delete + put) can be missing from it for a
    /// moment, so an index answer alone could leave an inbox on an older message. The participants are known from
    /// the rows found (a row's `pk` is its owner, its `user_uuid` the other participant) and from the message's
    /// sender; each one missing is looked up in their own `GRP#` partition with a consistent read.
    ///
    /// - Throws: ``RecordError`` when a query fails.
    func groupRows(group: String, sender: String? = nil) async throws(RecordError) -> [Item] {
        var newestByOwner = try await indexRows(group: group)
        var searched: Set<String> = []
        while let owner = Self.participants(of: newestByOwner.values.map(\.item), sender: sender)
            .subtracting(newestByOwner.keys).subtracting(searched).sorted().first
        {
            searched.insert(owner)
            if let row = try await baseRow(group: group, ownerKey: owner) { newestByOwner[owner] = row }
        }
        return newestByOwner.keys.sorted().compactMap { newestByOwner[$0]?.item }
    }

    /// The group's rows the group index shows, the newest per owner key (`GRP#<user>`).
    func indexRows(group: String) async throws(RecordError) -> [String: (sk: String, item: Item)] {
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
            Self.keepNewest(output.items ?? [], in: &newestByOwner)
            start = output.lastEvaluatedKey
        } while start != nil
        return newestByOwner
    }

    /// The newest row of `group` in the partition `ownerKey` (`GRP#<user>`), read consistently from the table.
    func baseRow(group: String, ownerKey: String) async throws(RecordError) -> (sk: String, item: Item)? {
        var newest: [String: (sk: String, item: Item)] = [:]
        var start: Item?
        repeat {
            let input = QueryInput(
                tableName: configuration.tableName, consistentRead: true, exclusiveStartKey: start,
                filterExpression: "message_group_uuid = :group", keyConditionExpression: "pk = :owner",
                expressionAttributeValues: [":group": .s(group), ":owner": .s(ownerKey)])
            let output: QueryOutput
            do {
                output = try await operations.query(input)
            } catch {
                throw RecordError("querying \"\(ownerKey)\" for group \"\(group)\" failed: \(error)")
            }
            Self.keepNewest(output.items ?? [], in: &newest)
            start = output.lastEvaluatedKey
        } while start != nil
        return newest[ownerKey]
    }

    /// Adds group rows (`pk` `GRP#…`, string `sk`) to `newestByOwner`, keeping the newest per owner.
    static func keepNewest(_ items: [Item], in newestByOwner: inout [String: (sk: String, item: Item)]) {
        for item in items {
            guard case .s(let pk)? = item["pk"], pk.hasPrefix("GRP#"), case .s(let sk)? = item["sk"] else { continue }
            if newestByOwner[pk].map({ $0.sk < sk }) ?? true { newestByOwner[pk] = (sk, item) }
        }
    }

    /// The owner keys (`GRP#<user>`) of everyone known to be in the group: the rows' owners, the other
    /// participant each row names (`user_uuid`), and the sender.
    static func participants(of rows: [Item], sender: String?) -> Set<String> {
        var owners = Set(sender.map { ["GRP#" + $0] } ?? [])
        for row in rows {
            if case .s(let pk)? = row["pk"] { owners.insert(pk) }
            if case .s(let other)? = row["user_uuid"] { owners.insert("GRP#" + other) }
        }
        return owners
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
