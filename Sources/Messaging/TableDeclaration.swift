import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads an `AWS::DynamoDB::Table` declared in a CloudFormation/SAM template (JSON) as a CreateTable request.
///
/// The template's table properties use DynamoDB's own names (`AttributeDefinitions`, `KeySchema`,
/// `GlobalSecondaryIndexes`, …); only `StreamSpecification` differs (no `StreamEnabled`). Intrinsic functions
/// are not evaluated: the table's properties must be literal.
public enum TableDeclaration {
    /// The CreateTable request for the table named `tableName` in the template `json`; `file` names it in errors.
    ///
    /// - Throws: ``MessagingError`` `.invalidTemplate` naming the file and what is missing or malformed.
    public static func createTableInput(template json: Data, file: String, tableName: String) throws(MessagingError)
        -> CreateTableInput
    {
        let template: TemplateDocument
        do {
            template = try JSONDecoder().decode(TemplateDocument.self, from: json)
        } catch {
            throw MessagingError(.invalidTemplate, "Template \"\(file)\" is not a template with Resources: \(error)")
        }
        let tables = template.resources.filter { $0.value.type == "AWS::DynamoDB::Table" }
        guard let (logicalID, resource) = tables.first(where: { $0.value.properties?.tableName == tableName }),
            let properties = resource.properties
        else {
            let names = tables.compactMap { $0.value.properties?.tableName }.sorted().map { "\"\($0)\"" }
            throw MessagingError(
                .invalidTemplate,
                "Template \"\(file)\" declares no AWS::DynamoDB::Table named \"\(tableName)\" (found: "
                    + (names.isEmpty ? "none" : names.joined(separator: ", ")) + ")")
        }
        guard let keySchema = properties.keySchema, let definitions = properties.attributeDefinitions else {
            throw MessagingError(
                .invalidTemplate,
                "Table \"\(logicalID)\" in \"\(file)\" has no KeySchema or AttributeDefinitions")
        }
        return CreateTableInput(
            attributeDefinitions: definitions, tableName: tableName, keySchema: keySchema,
            localSecondaryIndexes: properties.localSecondaryIndexes,
            globalSecondaryIndexes: properties.globalSecondaryIndexes,
            billingMode: properties.billingMode ?? (properties.provisionedThroughput == nil ? .payPerRequest : nil),
            provisionedThroughput: properties.provisionedThroughput,
            streamSpecification: properties.streamSpecification.map {
                StreamSpecification(streamEnabled: true, streamViewType: $0.streamViewType)
            })
    }

    /// Reads the template file at `path`.
    ///
    /// - Throws: ``MessagingError`` `.invalidTemplate` when the file cannot be read or holds no such table.
    public static func createTableInput(templateAt path: String, tableName: String) throws(MessagingError)
        -> CreateTableInput
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessagingError(.invalidTemplate, "Cannot read the template \"\(path)\"")
        }
        return try createTableInput(template: data, file: path, tableName: tableName)
    }
}

/// The parts of a template this reader needs.
private struct TemplateDocument: Decodable {
    struct Resource: Decodable {
        var type: String
        var properties: TableProperties?

        enum CodingKeys: String, CodingKey {
            case type = "Type"
            case properties = "Properties"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            // Only tables' properties are read; other resources may hold anything.
            properties =
                type == "AWS::DynamoDB::Table"
                ? try container.decodeIfPresent(TableProperties.self, forKey: .properties) : nil
        }
    }

    var resources: [String: Resource]

    enum CodingKeys: String, CodingKey {
        case resources = "Resources"
    }
}

/// `AWS::DynamoDB::Table` properties that CreateTable takes.
private struct TableProperties: Decodable {
    struct Stream: Decodable {
        var streamViewType: StreamViewType

        enum CodingKeys: String, CodingKey {
            case streamViewType = "StreamViewType"
        }
    }

    var tableName: String?
    var attributeDefinitions: [AttributeDefinition]?
    var keySchema: [KeySchemaElement]?
    var globalSecondaryIndexes: [GlobalSecondaryIndex]?
    var localSecondaryIndexes: [LocalSecondaryIndex]?
    var billingMode: BillingMode?
    var provisionedThroughput: ProvisionedThroughput?
    var streamSpecification: Stream?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case attributeDefinitions = "AttributeDefinitions"
        case keySchema = "KeySchema"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
        case billingMode = "BillingMode"
        case provisionedThroughput = "ProvisionedThroughput"
        case streamSpecification = "StreamSpecification"
    }
}
