import DynamoDBTypes
import SAMTemplate

/// The messages table as a SAM template declares it, read by `SAMTemplate` exactly as the emulator reads it (one
/// reader of the template, so `cruddur schema-load` and `lambda-local start` cannot disagree about the table).
public enum TableDeclaration {
    /// The CreateTable request for the table whose `TableName` (or logical ID) is `tableName` in the template at
    /// `path`.
    ///
    /// - Throws: ``MessagingError`` `.invalidTemplate` with the template loader's message (file, JSON path, what was
    ///   found) when the template cannot be read or is invalid, or naming the tables it does declare when none is
    ///   `tableName`.
    public static func createTableInput(templateAt path: String, tableName: String) throws(MessagingError)
        -> CreateTableInput
    {
        let template: Template
        do {
            template = try TemplateLoader.load(contentsOf: path)
        } catch {
            throw MessagingError(.invalidTemplate, "\(error)")
        }
        guard let table = template.table(named: tableName) else {
            let names = template.tables.map { "\"\($0.tableName)\"" }
            throw MessagingError(
                .invalidTemplate,
                "Template \"\(path)\" declares no AWS::DynamoDB::Table named \"\(tableName)\" (found: "
                    + (names.isEmpty ? "none" : names.joined(separator: ", ")) + ")")
        }
        return table.createTableInput
    }
}
