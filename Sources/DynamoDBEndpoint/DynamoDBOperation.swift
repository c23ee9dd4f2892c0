import DynamoDBTypes
import Foundation
import TableStore

/// One operation of the endpoint: decodes its input shape, runs it on the store, encodes its output shape.
struct DynamoDBOperation: Sendable {
    let run: @Sendable (TableStore, Data) async throws(DynamoDBError) -> Data

    init<Input: WireInput, Output: WireOutput>(
        _ body: @escaping @Sendable (TableStore, Input) async throws(DynamoDBError) -> Output
    ) {
        run = { store, data throws(DynamoDBError) in
            let input: Input
            if let fast = Input.readFast(data) {
                input = fast
            } else {
                input = try WireCoding.decode(Input.self, from: data)
            }
            let output = try await body(store, input)
            if let fast = try output.writeFast() { return fast }
            return try WireCoding.encode(output)
        }
    }

    /// The operation an `X-Amz-Target` names, if any.
    static func named(target: String) -> DynamoDBOperation? {
        guard let dot = target.lastIndex(of: ".") else { return nil }
        let name = String(target[target.index(after: dot)...])
        switch target[..<dot] {
        case DynamoDBWire.dynamoDBPrefix: return dynamoDB[name]
        case DynamoDBWire.streamsPrefix: return streams[name]
        default: return nil
        }
    }

    /// `DynamoDB_20120810.*`.
    static let dynamoDB: [String: DynamoDBOperation] = [
        "CreateTable": .init { (store, input: CreateTableInput) throws(DynamoDBError) in
            try await store.createTable(input)
        },
        "DescribeTable": .init { (store, input: DescribeTableInput) throws(DynamoDBError) in
            try await store.describeTable(input)
        },
        "DeleteTable": .init { (store, input: DeleteTableInput) throws(DynamoDBError) in
            try await store.deleteTable(input)
        },
        "ListTables": .init { (store, input: ListTablesInput) throws(DynamoDBError) in try await store.listTables(input)
        },
        "UpdateTable": .init { (store, input: UpdateTableInput) throws(DynamoDBError) in
            try await store.updateTable(input)
        },
        "PutItem": .init { (store, input: PutItemInput) throws(DynamoDBError) in try await store.putItem(input) },
        "GetItem": .init { (store, input: GetItemInput) throws(DynamoDBError) in try await store.getItem(input) },
        "DeleteItem": .init { (store, input: DeleteItemInput) throws(DynamoDBError) in try await store.deleteItem(input)
        },
        "UpdateItem": .init { (store, input: UpdateItemInput) throws(DynamoDBError) in try await store.updateItem(input)
        },
        "Query": .init { (store, input: QueryInput) throws(DynamoDBError) in try await store.query(input) },
        "Scan": .init { (store, input: ScanInput) throws(DynamoDBError) in try await store.scan(input) },
        "BatchWriteItem": .init { (store, input: BatchWriteItemInput) throws(DynamoDBError) in
            try await store.batchWriteItem(input)
        },
        "BatchGetItem": .init { (store, input: BatchGetItemInput) throws(DynamoDBError) in
            try await store.batchGetItem(input)
        },
        "TransactWriteItems": .init { (store, input: TransactWriteItemsInput) throws(DynamoDBError) in
            try await store.transactWriteItems(input)
        },
        "TransactGetItems": .init { (store, input: TransactGetItemsInput) throws(DynamoDBError) in
            try await store.transactGetItems(input)
        },
        "UpdateTimeToLive": .init { (store, input: UpdateTimeToLiveInput) throws(DynamoDBError) in
            try await store.updateTimeToLive(input)
        },
        "DescribeTimeToLive": .init { (store, input: DescribeTimeToLiveInput) throws(DynamoDBError) in
            try await store.describeTimeToLive(input)
        },
    ]

    /// `DynamoDBStreams_20120810.*`.
    static let streams: [String: DynamoDBOperation] = [
        "ListStreams": .init { (store, input: ListStreamsInput) throws(DynamoDBError) in
            try await store.listStreams(input)
        },
        "DescribeStream": .init { (store, input: DescribeStreamInput) throws(DynamoDBError) in
            try await store.describeStream(input)
        },
        "GetShardIterator": .init { (store, input: GetShardIteratorInput) throws(DynamoDBError) in
            try await store.getShardIterator(input)
        },
        "GetRecords": .init { (store, input: GetRecordsInput) throws(DynamoDBError) in try await store.getRecords(input)
        },
    ]
}
