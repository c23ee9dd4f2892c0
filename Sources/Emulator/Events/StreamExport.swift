import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import Foundation
import TableStore

/// `lambda-local stream export TABLE`: a table's stream as a JSON event log (one Lambda-shaped record per line),
/// which `lambda-local replay` reads back.
public enum StreamExport {
    /// Writes every retained record of `table` (a logical ID or table name) to `output`, returning how many.
    ///
    /// - Throws: ``StreamExportError`` for a table that does not exist or has no stream; store errors.
    public static func run(
        _ workspace: Workspace, table: String, state: StateLocation, output: (Data) throws -> Void
    ) async throws -> Int {
        let tableName = workspace.template.tables.first { $0.logicalID == table }?.tableName ?? table
        let store = try workspace.openStore(state)
        defer { try? store.close() }
        let description: TableDescription?
        do {
            description = try await store.describeTable(DescribeTableInput(tableName: tableName)).table
        } catch {
            throw StreamExportError(message: "table \(tableName) does not exist in \(state)")
        }
        guard let arn = description?.latestStreamArn else {
            throw StreamExportError(message: "table \(tableName) has no stream")
        }
        var position: String?
        var count = 0
        while true {
            let records = try await store.readRecords(streamArn: arn, after: position, limit: 1000)
            guard let last = records.last else { return count }
            for record in records {
                var line = record.jsonBytes()
                line.append(UInt8(ascii: "\n"))
                try output(Data(line))
            }
            count += records.count
            position = last.dynamodb.sequenceNumber
        }
    }
}

/// A stream that cannot be exported.
public struct StreamExportError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
