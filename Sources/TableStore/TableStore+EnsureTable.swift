import DynamoDBTypes
import SAMTemplate

extension TableStore {
    /// What ``ensureTable(_:)`` did.
    public enum EnsureTableResult: Sendable, Equatable {
        /// The table did not exist and was created.
        case created
        /// The table existed with the same definition.
        case matched
    }

    /// Creates a declared table (e.g. from `template.json`) when missing, or checks with ``TableMatch`` that the
    /// existing table has the same key schema, attribute types, indexes and stream view type.
    ///
    /// - Throws: ``DynamoDBError`` ValidationException naming the table and the first difference found,
    ///   e.g. `Table "cruddur-messages" already exists with a different KeySchema: declared [pk HASH, sk RANGE],
    ///   found [pk HASH]` — never a silent drop of the existing data.
    public func ensureTable(_ input: CreateTableInput) async throws(DynamoDBError) -> EnsureTableResult {
        let existing: TableDescription
        do throws(DynamoDBError) {
            guard let table = try await describeTable(DescribeTableInput(tableName: input.tableName)).table else {
                throw DynamoDBError.tableNotFound
            }
            existing = table
        } catch {
            guard error.code == .resourceNotFound else { throw error }
            _ = try await createTable(input)
            return .created
        }
        if let difference = TableMatch.differences(declared: input, existing: existing).first {
            throw .validation(
                "Table \"\(input.tableName)\" already exists with a different \(difference.what): declared "
                    + "\(difference.declared), found \(difference.found)")
        }
        return .matched
    }
}
