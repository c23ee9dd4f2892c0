import DynamoDBClient
import DynamoDBTypes
import LambdaTesting
import Messaging
import MessagingStreamHandler
import Synchronization
import Testing

/// The MessagingStream handler, run in process through the harness against the in-memory engine.
struct MessagingStreamTests {
    let harness: LambdaTestHarness
    let users: UserDirectory
    let andrew: User
    let bayko: User
    let londo: User
    let configuration: HandlerConfiguration

    static let t0 = "2026-11-20T09:00:00.000000+00:00"
    static let t1 = "2026-11-20T09:01:00.000000+00:00"
    static let t2 = "2026-11-20T09:02:00.000000+00:00"
    // Group two's times differ from group one's: a user's rows of two groups must not share a key.
    static let t0b = "2026-11-20T09:00:30.000000+00:00"
    static let t1b = "2026-11-20T09:01:30.000000+00:00"

    init() async throws {
        harness = try await LambdaTestHarness()
        users = try fixtureUsers()
        andrew = try users.user(handle: "andrewbrown")
        bayko = try users.user(handle: "bayko")
        londo = try users.user(handle: "londo")
        configuration = try HandlerConfiguration(environment: harness.environment(function: "MessagingStream"))
        try await putGroupRows(
            harness.operations, group: groupOne, first: andrew, second: bayko, sk: Self.t0, text: "hi")
    }

    func handler(_ operations: (any DynamoDBOperations)? = nil) -> InboxUpdateHandler {
        InboxUpdateHandler(operations: operations ?? harness.operations, configuration: configuration)
    }

    func invoke(_ records: [StreamRecord], operations: (any DynamoDBOperations)? = nil) async throws
        -> StreamsEventResponse
    {
        try await harness.invoke(
            handler(operations), event: DynamoDBStreamEvent(records: records), functionName: "MessagingStream")
    }

    /// (pk, sk, message) of each row of `group`, sorted.
    func rows(_ group: String) async throws -> [[String]] {
        try await groupRows(harness, group: group).map { item in
            ["pk", "sk", "message"].map { name in
                if case .s(let text)? = item[name] { text } else { "?" }
            }
        }
    }

    func outcomes() -> [String] { harness.logs.entries.map { $0.metadata["outcome"] ?? "?" } }

    @Test("The template gives the handler its table and index names")
    func configurationFromTemplate() {
        #expect(
            configuration == HandlerConfiguration(tableName: "cruddur-messages", indexName: "message-group-sk-index"))
    }

    @Test("One insert moves both group rows to the message's sk and text, keeping the other attributes")
    func oneInsert() async throws {
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t1, text: "secret plans"))
        let response = try await invoke([record])
        #expect(response.batchItemFailures.isEmpty)
        let items = try await groupRows(harness, group: groupOne)
        #expect(
            items
                == [
                    groupRow(owner: bayko, other: andrew, group: groupOne, sk: Self.t1, text: "secret plans"),
                    groupRow(owner: andrew, other: bayko, group: groupOne, sk: Self.t1, text: "secret plans"),
                ].sorted { "\($0["pk"]!)" < "\($1["pk"]!)" })
        let entries = harness.logs.entries
        #expect(entries.count == 1)
        #expect(entries.first?.level == .info)
        #expect(
            entries.first?.metadata == [
                "sequenceNumber": record.dynamodb.sequenceNumber, "group": groupOne, "outcome": "moved",
                "rowsMoved": "2", "rowsCurrent": "0",
            ])
        // The message text never reaches the log.
        #expect(!entries.contains { "\($0.message) \($0.metadata)".contains("secret") })
    }

    @Test("A batch mixing two groups moves each group's rows to its own latest message")
    func batchMixingGroups() async throws {
        try await putGroupRows(
            harness.operations, group: groupTwo, first: andrew, second: londo, sk: Self.t0b, text: "yo")
        var records = try await harness.streamRecords(table: table)
        let batch = [
            records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "one-1")),
            records.insert(messageItem(group: groupTwo, sender: londo, sk: Self.t1b, text: "two-1")),
            records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t2, text: "one-2")),
        ]
        let response = try await invoke(batch)
        #expect(response.batchItemFailures.isEmpty)
        #expect(
            try await rows(groupOne)
                == [
                    ["GRP#\(bayko.uuid)", Self.t2, "one-2"], ["GRP#\(andrew.uuid)", Self.t2, "one-2"],
                ].sorted { $0[0] < $1[0] })
        #expect(
            try await rows(groupTwo)
                == [
                    ["GRP#\(londo.uuid)", Self.t1b, "two-1"], ["GRP#\(andrew.uuid)", Self.t1b, "two-1"],
                ].sorted { $0[0] < $1[0] })
        // The group's first message is superseded by its second in the same batch: the rows move once.
        #expect(outcomes() == ["superseded", "moved", "moved"])
        #expect(harness.logs.entries.first?.metadata["supersededBy"] == batch[2].dynamodb.sequenceNumber)
        #expect(harness.logs.entries.map { $0.metadata["group"] } == [groupOne, groupTwo, groupOne])
    }

    @Test("A duplicate record (in the batch and redelivered) changes nothing and succeeds")
    func duplicate() async throws {
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "once"))
        #expect(try await invoke([record, record]).batchItemFailures.isEmpty)
        #expect(try await invoke([record]).batchItemFailures.isEmpty)
        #expect(
            try await rows(groupOne)
                == [
                    ["GRP#\(andrew.uuid)", Self.t1, "once"], ["GRP#\(bayko.uuid)", Self.t1, "once"],
                ].sorted { $0[0] < $1[0] })
        #expect(outcomes() == ["superseded", "moved", "current"])
        #expect(harness.logs.entries.last?.metadata["rowsCurrent"] == "2")
    }

    @Test("An older record delivered after a newer one never moves the rows backwards")
    func outOfOrder() async throws {
        var records = try await harness.streamRecords(table: table)
        let older = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "older"))
        let newer = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t2, text: "newer"))
        #expect(try await invoke([newer, older]).batchItemFailures.isEmpty)
        #expect(
            try await rows(groupOne)
                == [
                    ["GRP#\(andrew.uuid)", Self.t2, "newer"], ["GRP#\(bayko.uuid)", Self.t2, "newer"],
                ].sorted { $0[0] < $1[0] })
        #expect(outcomes() == ["moved", "current"])
    }

    @Test("MODIFY and REMOVE records and GRP# inserts are ignored and succeed")
    func ignoredRecords() async throws {
        var records = try await harness.streamRecords(table: table)
        let message = messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "edited")
        var edited = message
        edited["message"] = .s("edited again")
        let batch = [
            records.modify(edited, old: message),
            records.remove(message),
            records.insert(groupRow(owner: andrew, other: bayko, group: groupOne, sk: Self.t2, text: "row")),
        ]
        #expect(try await invoke(batch).batchItemFailures.isEmpty)
        #expect(
            try await rows(groupOne)
                == [
                    ["GRP#\(andrew.uuid)", Self.t0, "hi"], ["GRP#\(bayko.uuid)", Self.t0, "hi"],
                ].sorted { $0[0] < $1[0] })
        #expect(
            harness.logs.entries.map { $0.metadata["reason"] } == ["MODIFY event", "REMOVE event", "not a message key"])
        #expect(outcomes() == ["ignored", "ignored", "ignored"])
    }

    @Test("A message of a group without rows succeeds and changes nothing")
    func unknownGroup() async throws {
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupTwo, sender: andrew, sk: Self.t1, text: "anyone?"))
        #expect(try await invoke([record]).batchItemFailures.isEmpty)
        #expect(try await rows(groupTwo).isEmpty)
        #expect(outcomes() == ["unknown-group"])
    }

    @Test("A failing record is reported by its SequenceNumber; other groups still move, and the retry changes them no further")
    func failureMidBatch() async throws {
        try await putGroupRows(
            harness.operations, group: groupTwo, first: andrew, second: londo, sk: Self.t0b, text: "yo")
        let failing = ScriptedOperations(base: harness.operations) { input throws(DynamoDBClientError) in
            if input.putGroup == groupTwo { throw .transport("connection reset by peer") }
        }
        var records = try await harness.streamRecords(table: table)
        let batch = [
            records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "one-1")),
            records.insert(messageItem(group: groupTwo, sender: londo, sk: Self.t1b, text: "two-1")),
            records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t2, text: "one-2")),
        ]
        let response = try await invoke(batch, operations: failing)
        #expect(response.batchItemFailures == [BatchItemFailure(itemIdentifier: batch[1].dynamodb.sequenceNumber)])
        // The record before the failure was superseded by the one after it, which moved group one concurrently;
        // Lambda's retry starts at the failed record and redelivers that later one, which then changes nothing.
        #expect(try await rows(groupOne).map { $0[1] } == [Self.t2, Self.t2])
        #expect(try await rows(groupTwo).map { $0[1] } == [Self.t0b, Self.t0b])
        #expect(outcomes() == ["superseded", "failed", "moved"])
        let failure = try #require(harness.logs.entries.dropFirst().first)
        #expect(failure.level == .error)
        #expect(failure.metadata["error"]?.contains("connection reset by peer") == true)

        // The retry (from the failed record on, as Lambda redelivers it) succeeds once DynamoDB is back.
        #expect(try await invoke(Array(batch[1...])).batchItemFailures.isEmpty)
        #expect(try await rows(groupOne).map { $0[1] } == [Self.t2, Self.t2])
        #expect(try await rows(groupTwo).map { $0[1] } == [Self.t1b, Self.t1b])
    }

    @Test("A row moved meanwhile by another invocation is superseded: re-read, not failed, not duplicated")
    func supersededByConcurrentMove() async throws {
        let raced = Mutex(false)
        let base = harness.operations
        let racing = ScriptedOperations(base: base) { input throws(DynamoDBClientError) in
            // The first row's move (the first delete and put of our group transaction) is also applied by a
            // "concurrent" invocation, just before ours: ours is refused and falls back to moving row by row.
            if !raced.withLock({ done in
                defer { done = true }
                return done
            }) {
                _ = try await base.transactWriteItems(
                    TransactWriteItemsInput(transactItems: Array(input.transactItems.prefix(2))))
            }
        }
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "race"))
        #expect(try await invoke([record], operations: racing).batchItemFailures.isEmpty)
        #expect(
            try await rows(groupOne)
                == [
                    ["GRP#\(andrew.uuid)", Self.t1, "race"], ["GRP#\(bayko.uuid)", Self.t1, "race"],
                ].sorted { $0[0] < $1[0] })
        #expect(harness.logs.entries.first?.metadata["rowsMoved"] == "1")
        #expect(harness.logs.entries.first?.metadata["rowsCurrent"] == "1")
    }

    @Test("A row changed meanwhile is re-read and moved with its new attributes")
    func rowChangedMeanwhile() async throws {
        let changed = Mutex(false)
        let base = harness.operations
        let renaming = ScriptedOperations(base: base) { input throws(DynamoDBClientError) in
            guard
                !changed.withLock({ done in
                    defer { done = true }
                    return done
                }),
                let key = input.transactItems.first?.delete?.key
            else { return }
            _ = try await base.updateItem(
                UpdateItemInput(
                    tableName: table, key: key, updateExpression: "SET user_display_name = :name",
                    expressionAttributeValues: [":name": .s("Renamed")]))
        }
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "moved"))
        #expect(try await invoke([record], operations: renaming).batchItemFailures.isEmpty)
        let items = try await groupRows(harness, group: groupOne)
        #expect(items.map { $0["sk"] } == [.s(Self.t1), .s(Self.t1)])
        #expect(items.compactMap { $0["user_display_name"] }.contains(.s("Renamed")))
        #expect(harness.logs.entries.first?.metadata["rowsMoved"] == "2")
    }

    @Test("A message record without NewImage fails and is reported")
    func missingNewImage() async throws {
        var records = try await harness.streamRecords(table: table)
        records.viewType = .keysOnly
        let record = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t1, text: "keys only"))
        let response = try await invoke([record])
        #expect(response.batchItemFailures == [BatchItemFailure(itemIdentifier: record.dynamodb.sequenceNumber)])
        #expect(
            harness.logs.entries.first?.metadata["error"]
                == "message {pk \"MSG#\(groupOne)\", sk \"\(Self.t1)\"} has no NewImage; the stream view type must include new images"
        )
    }

    @Test("A row whose new key is taken by another group's row fails with the key named, and nothing is lost")
    func keyTaken() async throws {
        // andrew's row of group two sits exactly at the new message's time.
        try await putGroupRows(
            harness.operations, group: groupTwo, first: andrew, second: londo, sk: Self.t1, text: "yo")
        var records = try await harness.streamRecords(table: table)
        let record = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t1, text: "clash"))
        let response = try await invoke([record])
        #expect(response.batchItemFailures == [BatchItemFailure(itemIdentifier: record.dynamodb.sequenceNumber)])
        #expect(
            harness.logs.entries.first?.metadata["error"]
                == "cannot move row {pk \"GRP#\(andrew.uuid)\", sk \"\(Self.t0)\"} of group \"\(groupOne)\": key {pk \"GRP#\(andrew.uuid)\", sk \"\(Self.t1)\"} is taken by another item"
        )
        #expect(try await rows(groupOne).count == 2)
        #expect(try await rows(groupTwo).count == 2)
    }

    @Test("A batch of many messages of one group moves each row once, to the newest")
    func coalescedBatch() async throws {
        let transactions = Mutex(0)
        let counting = ScriptedOperations(base: harness.operations) { _ throws(DynamoDBClientError) in
            transactions.withLock { $0 += 1 }
        }
        var records = try await harness.streamRecords(table: table)
        let batch = (1...9).map { minute in
            records.insert(
                messageItem(
                    group: groupOne, sender: minute.isMultiple(of: 2) ? andrew : bayko,
                    sk: "2026-11-20T09:0\(minute):00.000000+00:00", text: "line \(minute)"))
        }
        #expect(try await invoke(batch, operations: counting).batchItemFailures.isEmpty)
        #expect(transactions.withLock { $0 } == 1, "both rows of the group in one transaction")
        #expect(
            try await rows(groupOne).map { [$0[1], $0[2]] }
                == Array(
                    repeating: ["2026-11-20T09:09:00.000000+00:00", "line 9"], count: 2))
        #expect(outcomes() == Array(repeating: "superseded", count: 8) + ["moved"])
    }
    @Test("The next message of a group moves the rows this process moved last without reading the index")
    func cachedRows() async throws {
        let queries = Mutex(0)
        let transactions = Mutex(0)
        var counting = ScriptedOperations(base: harness.operations) { _ throws(DynamoDBClientError) in
            transactions.withLock { $0 += 1 }
        }
        counting.beforeQuery = { _ in queries.withLock { $0 += 1 } }
        let handler = handler(counting)
        var records = try await harness.streamRecords(table: table)
        for (sk, text) in [(Self.t1, "one"), (Self.t2, "two")] {
            let record = records.insert(messageItem(group: groupOne, sender: andrew, sk: sk, text: text))
            let response = try await harness.invoke(
                handler, event: DynamoDBStreamEvent(records: [record]), functionName: "MessagingStream")
            #expect(response.batchItemFailures.isEmpty)
        }
        #expect(queries.withLock { $0 } == 1, "only the first message reads the group index")
        #expect(transactions.withLock { $0 } == 2)
        #expect(try await rows(groupOne).map { [$0[1], $0[2]] } == Array(repeating: [Self.t2, "two"], count: 2))
    }

    @Test("A cached entry made stale by another writer is refused, re-read and moved; nothing lost or duplicated")
    func staleCachedRows() async throws {
        let cached = handler()
        var records = try await harness.streamRecords(table: table)
        let first = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t0b, text: "cached"))
        _ = try await harness.invoke(
            cached, event: DynamoDBStreamEvent(records: [first]), functionName: "MessagingStream")
        // Another environment (its own cache) moves the rows on; this one's entry now names rows that are gone.
        let other = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t1, text: "elsewhere"))
        #expect(try await invoke([other]).batchItemFailures.isEmpty)
        let last = records.insert(messageItem(group: groupOne, sender: andrew, sk: Self.t2, text: "latest"))
        let response = try await harness.invoke(
            cached, event: DynamoDBStreamEvent(records: [last]), functionName: "MessagingStream")
        #expect(response.batchItemFailures.isEmpty)
        #expect(try await rows(groupOne).map { [$0[1], $0[2]] } == Array(repeating: [Self.t2, "latest"], count: 2))
        // And an older message after that changes nothing, cached or not.
        let older = records.insert(messageItem(group: groupOne, sender: bayko, sk: Self.t1b, text: "late"))
        #expect(
            try await harness.invoke(
                cached, event: DynamoDBStreamEvent(records: [older]), functionName: "MessagingStream"
            ).batchItemFailures.isEmpty)
        #expect(try await rows(groupOne).map { [$0[1], $0[2]] } == Array(repeating: [Self.t2, "latest"], count: 2))
    }
}
