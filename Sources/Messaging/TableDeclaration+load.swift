import DynamoDBClient
import DynamoDBTypes
import SAMTemplate

/// What ``TableDeclaration/load(_:into:)`` did.
public enum SchemaLoadResult: Sendable, Equatable {
    /// The table was created; its description as CreateTable returned it.
    case created(TableDescription?)
    /// The table already existed with the declared keys, attributes, indexes and stream (e.g. an emulator that
    /// creates the template's tables when it starts); nothing was changed.
    case alreadyExists(TableDescription)
}

extension TableDeclaration {
    /// Creates the declared table; when it already exists and matches the declaration, leaves it as it is.
    ///
    /// - Throws: ``MessagingError`` `.tableMismatch` when a table of that name exists with another shape (the
    ///   message lists each difference ``TableMatch`` finds, the emulator's own check), `.dynamoDB` when CreateTable or DescribeTable fails otherwise.
    public static func load(_ input: CreateTableInput, into operations: any DynamoDBOperations)
        async throws(MessagingError) -> SchemaLoadResult
    {
        let existing: TableDescription?
        do {
            return .created(try await operations.createTable(input).tableDescription)
        } catch where error.code == .resourceInUse {
            do {
                existing = try await operations.describeTable(DescribeTableInput(tableName: input.tableName)).table
            } catch {
                throw MessagingError.dynamoDB("DescribeTable \"\(input.tableName)\"", error)
            }
        } catch {
            throw MessagingError.dynamoDB("CreateTable \"\(input.tableName)\"", error)
        }
        guard let existing else {
            throw MessagingError(.dynamoDB, "DescribeTable \"\(input.tableName)\" answered without a Table")
        }
        let differences = TableMatch.differences(declared: input, existing: existing)
        guard differences.isEmpty else {
            throw MessagingError(
                .tableMismatch,
                "Table \"\(input.tableName)\" already exists and differs from its declaration: "
                    + differences.map(\.description).joined(separator: "; "))
        }
        return .alreadyExists(existing)
    }
}
