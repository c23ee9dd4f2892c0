import DynamoDBTypes
import Foundation

/// An operation's input shape, optionally with a hand-written reader for the requests that dominate load.
protocol WireInput: Decodable, Sendable {
    /// The input read straight from `data` by ``WireJSONReader``; nil leaves the body to `JSONDecoder`
    /// (which also produces the error for a malformed body).
    static func readFast(_ data: Data) -> Self?
}

extension WireInput {
    static func readFast(_ data: Data) -> Self? { nil }
}

/// An operation's output shape, optionally with a hand-written writer for the answers that dominate load.
protocol WireOutput: Encodable, Sendable {
    /// The output written by ``ItemJSONWriter`` (keys sorted, as `JSONEncoder` with `.sortedKeys` writes them);
    /// nil leaves it to `JSONEncoder`.
    func writeFast() throws(DynamoDBError) -> Data?
}

extension WireOutput {
    func writeFast() throws(DynamoDBError) -> Data? { nil }
}

// Shapes on the hand-written paths: WireShapes+fastInputs.swift and WireShapes+fastOutputs.swift.
extension PutItemInput: WireInput {}
extension GetItemInput: WireInput {}
extension QueryInput: WireInput {}
extension PutItemOutput: WireOutput {}
extension GetItemOutput: WireOutput {}
extension DeleteItemOutput: WireOutput {}
extension UpdateItemOutput: WireOutput {}
extension QueryOutput: WireOutput {}
extension ScanOutput: WireOutput {}

// Shapes decoded and encoded through Codable only.
extension CreateTableInput: WireInput {}
extension CreateTableOutput: WireOutput {}
extension DescribeTableInput: WireInput {}
extension DescribeTableOutput: WireOutput {}
extension DeleteTableInput: WireInput {}
extension DeleteTableOutput: WireOutput {}
extension ListTablesInput: WireInput {}
extension ListTablesOutput: WireOutput {}
extension UpdateTableInput: WireInput {}
extension UpdateTableOutput: WireOutput {}
extension DeleteItemInput: WireInput {}
extension UpdateItemInput: WireInput {}
extension ScanInput: WireInput {}
extension BatchWriteItemInput: WireInput {}
extension BatchWriteItemOutput: WireOutput {}
extension BatchGetItemInput: WireInput {}
extension BatchGetItemOutput: WireOutput {}
extension TransactWriteItemsInput: WireInput {}
extension TransactWriteItemsOutput: WireOutput {}
extension TransactGetItemsInput: WireInput {}
extension TransactGetItemsOutput: WireOutput {}
extension UpdateTimeToLiveInput: WireInput {}
extension UpdateTimeToLiveOutput: WireOutput {}
extension DescribeTimeToLiveInput: WireInput {}
extension DescribeTimeToLiveOutput: WireOutput {}
extension ListStreamsInput: WireInput {}
extension ListStreamsOutput: WireOutput {}
extension DescribeStreamInput: WireInput {}
extension DescribeStreamOutput: WireOutput {}
extension GetShardIteratorInput: WireInput {}
extension GetShardIteratorOutput: WireOutput {}
extension GetRecordsInput: WireInput {}
extension GetRecordsOutput: WireOutput {}
