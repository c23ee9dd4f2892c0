import DynamoDBClient
import DynamoDBTypes

/// Moves group rows (`GRP#<owner>`) to a newer message with conditional TransactWriteItems — all of a group's rows in
/// one when every row is older than the message, else one per row: for each row, Delete {pk, old sk} if the row is
/// still there unchanged, Put {pk, new sk, message = text} if nothing is at the new key. A row is never lost (both or
/// neither happen), never duplicated (the put refuses an existing row) and never moved backwards (only rows older
/// than the message move).
struct GroupRowMover: Sendable {
    /// What happened to one row.
    enum Result: Sendable, Hashable {
        /// The row now points at the message.
        case moved
        /// The row already pointed at this message or a later one; unchanged.
        case current
        /// The row disappeared before it could be moved (deleted by someone else); nothing to move.
        case vanished
    }

    /// How many times a row is re-read and retried after a conditional failure with the row still older.
    static let maximumAttempts = 3

    let operations: any DynamoDBOperations
    let tableName: String

    /// Moves `row` (read from the group index) of `group` to `sk` and `text`.
    ///
    /// - Throws: ``RecordError`` when DynamoDB fails otherwise, or the row keeps changing under us.
    func move(_ row: Item, group: String, to sk: String, text: String) async throws(RecordError) -> Result {
        var current = row
        for _ in 1...Self.maximumAttempts {
            guard case .s(let pk)? = current["pk"], case .s(let oldSK)? = current["sk"] else {
                throw RecordError("group row of group \"\(group)\" has no string pk and sk")
            }
            guard oldSK < sk else { return .current }
            do {
                _ = try await operations.transactWriteItems(
                    Self.moveTransaction(current, tableName: tableName, sk: sk, text: text))
                return .moved
            } catch {
                guard Self.isConditionFailure(error) else {
                    throw RecordError("moving row {pk \"\(pk)\", sk \"\(oldSK)\"} failed: \(error)")
                }
            }
            // Superseded: the row changed, was moved by someone else, or the new key is taken. Re-read and decide.
            guard let fresh = try await newestRow(pk: pk, group: group) else { return .vanished }
            if fresh == current {
                // The row is as we read it, so the put was refused: another item (a row of another group of the
                // same user, written at the same instant) holds the new key. Retrying cannot help.
                throw RecordError(
                    "cannot move row {pk \"\(pk)\", sk \"\(oldSK)\"} of group \"\(group)\": key {pk \"\(pk)\", sk \"\(sk)\"} is taken by another item"
                )
            }
            current = fresh
        }
        throw RecordError(
            "row of group \"\(group)\" kept changing; gave up after \(Self.maximumAttempts) attempts")
    }

    /// Moves every row of `rows` that is older than `sk` in one transaction (a conditional delete and put per row):
    /// one request for the group instead of one per row. Returns how many rows it moved, or nil when the transaction
    /// was refused by a condition (a row changed meanwhile): then nothing was written, and the rows are moved one by
    /// one with ``move(_:group:to:text:)``, which tells the cases apart.
    ///
    /// - Throws: ``RecordError`` when DynamoDB fails otherwise.
    func moveTogether(_ rows: [Item], to sk: String, text: String) async throws(RecordError) -> Int? {
        let older = rows.filter { row in
            guard case .s(let oldSK)? = row["sk"] else { return false }
            return oldSK < sk
        }
        guard older.count > 1, older.count == rows.count else { return nil }
        let items = older.flatMap { Self.moveTransaction($0, tableName: tableName, sk: sk, text: text).transactItems }
        do {
            _ = try await operations.transactWriteItems(TransactWriteItemsInput(transactItems: items))
            return older.count
        } catch {
            guard Self.isConditionFailure(error) else {
                throw RecordError("moving \(older.count) rows together failed: \(error)")
            }
            return nil
        }
    }

    /// The transaction moving `row` to `sk`: the conditional delete and the conditional put.
    static func moveTransaction(_ row: Item, tableName: String, sk: String, text: String) -> TransactWriteItemsInput {
        var names: [String: String] = [:]
        var values: [String: AttributeValue] = [:]
        var conditions = ["attribute_exists(pk)"]
        // "Unchanged": every non-key attribute still holds what was read.
        for (index, name) in row.keys.filter({ $0 != "pk" && $0 != "sk" }).sorted().enumerated() {
            names["#a\(index)"] = name
            values[":a\(index)"] = row[name]
            conditions.append("#a\(index) = :a\(index)")
        }
        return TransactWriteItemsInput(transactItems: [
            TransactWriteItem(
                delete: TransactDelete(
                    key: ["pk": row["pk"] ?? .null, "sk": row["sk"] ?? .null], tableName: tableName,
                    conditionExpression: conditions.joined(separator: " AND "),
                    expressionAttributeNames: names.isEmpty ? nil : names,
                    expressionAttributeValues: values.isEmpty ? nil : values)),
            TransactWriteItem(
                put: TransactPut(
                    item: moved(row, to: sk, text: text), tableName: tableName,
                    conditionExpression: "attribute_not_exists(pk)")),
        ])
    }

    /// `row` as its move to `sk` writes it: the same attributes, the new `sk` and message text.
    static func moved(_ row: Item, to sk: String, text: String) -> Item {
        var moved = row
        moved["sk"] = .s(sk)
        moved["message"] = .s(text)
        return moved
    }

    /// Whether the transaction was cancelled only by failed conditions (the row was superseded).
    static func isConditionFailure(_ error: DynamoDBClientError) -> Bool {
        guard case .service(let service) = error, service.code == .transactionCanceled,
            let reasons = service.cancellationReasons
        else { return false }
        let codes = reasons.compactMap(\.code).filter { $0 != "None" }
        return !codes.isEmpty && codes.allSatisfy { $0 == "ConditionalCheckFailed" }
    }

    /// The owner's newest row of `group`, read from the base table with a strongly consistent query.
    ///
    /// - Throws: ``RecordError`` when the query fails.
    func newestRow(pk: String, group: String) async throws(RecordError) -> Item? {
        var newest: (sk: String, item: Item)?
        var start: Item?
        repeat {
            let input = QueryInput(
                tableName: tableName, consistentRead: true, exclusiveStartKey: start,
                filterExpression: "message_group_uuid = :group", keyConditionExpression: "pk = :pk",
                expressionAttributeValues: [":pk": .s(pk), ":group": .s(group)])
            let output: QueryOutput
            do {
                output = try await operations.query(input)
            } catch {
                throw RecordError("re-reading rows of \"\(pk)\" failed: \(error)")
            }
            for item in output.items ?? [] {
                guard case .s(let sk)? = item["sk"] else { continue }
                if newest.map({ $0.sk < sk }) ?? true { newest = (sk, item) }
            }
            start = output.lastEvaluatedKey
        } while start != nil
        return newest?.item
    }
}
