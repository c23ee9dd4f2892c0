import DynamoDBTypes
import LambdaTesting
import Messaging
import SAMTemplate
import Testing

/// `cruddur schema-load` against an engine that may already hold the table (lambda-local start creates it).
struct SchemaLoadTests {
    /// The messages table as template.json declares it.
    func declared() throws -> CreateTableInput {
        try TableDeclaration.createTableInput(
            templateAt: LambdaTestHarness.findTemplate(above: #filePath), tableName: "cruddur-messages")
    }

    @Test("An existing table that matches the declaration is left alone and reported as such")
    func existingMatches() async throws {
        let harness = try await LambdaTestHarness()
        let result = try await TableDeclaration.load(declared(), into: harness.operations)
        guard case .alreadyExists(let table) = result else {
            Issue.record("expected .alreadyExists, got \(result)")
            return
        }
        #expect(table.tableName == "cruddur-messages")
        #expect(table.globalSecondaryIndexes?.map(\.indexName) == ["message-group-sk-index"])
    }

    @Test("A table that does not exist yet is created with its index and stream")
    func created() async throws {
        let harness = try await LambdaTestHarness()
        var input = try declared()
        input.tableName = "cruddur-messages-copy"
        let result = try await TableDeclaration.load(input, into: harness.operations)
        guard case .created(let table) = result else {
            Issue.record("expected .created, got \(result)")
            return
        }
        #expect(table?.tableName == "cruddur-messages-copy")
        #expect(table?.streamSpecification == StreamSpecification(streamEnabled: true, streamViewType: .newImage))
        #expect(table?.globalSecondaryIndexes?.first?.projection == Projection(projectionType: .all))
    }

    @Test("An existing table with another index projection and stream view is an error listing both differences")
    func existingDiffers() async throws {
        let harness = try await LambdaTestHarness()
        var input = try declared()
        input.globalSecondaryIndexes?[0].projection = Projection(projectionType: .keysOnly)
        input.streamSpecification = StreamSpecification(streamEnabled: true, streamViewType: .newAndOldImages)
        let error = await #expect(throws: MessagingError.self) {
            try await TableDeclaration.load(input, into: harness.operations)
        }
        #expect(error?.code == .tableMismatch)
        #expect(
            error?.description
                == "Table \"cruddur-messages\" already exists and differs from its declaration: "
                + "GlobalSecondaryIndexes: declared [message-group-sk-index [message_group_uuid HASH, sk RANGE] "
                + "KEYS_ONLY], found [message-group-sk-index [message_group_uuid HASH, sk RANGE] ALL]; "
                + "StreamSpecification: declared NEW_AND_OLD_IMAGES, found NEW_IMAGE")
    }

    @Test("The shared TableMatch check names a missing index and a different key schema")
    func differences() throws {
        let input = try declared()
        let existing = TableDescription(
            attributeDefinitions: [
                AttributeDefinition(attributeName: "pk", attributeType: .s),
                AttributeDefinition(attributeName: "sk", attributeType: .s),
            ],
            tableName: "cruddur-messages",
            keySchema: [KeySchemaElement(attributeName: "pk", keyType: .hash)],
            streamSpecification: StreamSpecification(streamEnabled: false))
        #expect(
            TableMatch.differences(declared: input, existing: existing).map(\.description) == [
                "KeySchema: declared [pk HASH, sk RANGE], found [pk HASH]",
                "AttributeDefinitions: declared [message_group_uuid S, pk S, sk S], found [pk S, sk S]",
                "GlobalSecondaryIndexes: declared [message-group-sk-index [message_group_uuid HASH, sk RANGE] ALL], "
                    + "found []",
                "StreamSpecification: declared NEW_IMAGE, found none",
            ])
    }
}
