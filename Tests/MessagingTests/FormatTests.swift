import DynamoDBTypes
import Foundation
import LambdaTesting
import Messaging
import Testing

/// Timestamps, output lines, the users fixture and the table declaration.
struct FormatTests {
    @Test(
        "Sort keys are UTC with microseconds always present",
        arguments: [
            (1_679_328_538.321345, "2023-03-20T16:08:58.321345+00:00"),
            (1_679_328_538.0, "2023-03-20T16:08:58.000000+00:00"),
            (1_679_328_538.000001, "2023-03-20T16:08:58.000001+00:00"),
            (1_704_067_199.9999996, "2024-01-01T00:00:00.000000+00:00"),
        ])
    func timestamp(seconds: Double, expected: String) {
        #expect(MessageTimestamp.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test(
        "Display times use a 12-hour clock",
        arguments: [
            ("2023-03-20T16:08:58.321345+00:00", "2023-03-20 04:08 PM"),
            ("2023-03-20T00:05:00.000000+00:00", "2023-03-20 12:05 AM"),
            ("2023-03-20T12:00:00.000000+00:00", "2023-03-20 12:00 PM"),
            ("2023-03-20T09:30:00", "2023-03-20 09:30 AM"),
        ])
    func displayTime(sk: String, expected: String) {
        #expect(MessageTimestamp.displayTime(sk) == expected)
    }

    @Test("get-conversation lines: handle padded to 12, time to 22, 40 characters of text and ...")
    func conversationLine() {
        let message = Message(
            uuid: "u", displayName: "Andrew Brown", handle: "andrewbrown",
            message: "Morning! Did you get the messaging stream working locally?",
            createdAt: "2023-03-20T16:08:58.321345+00:00")
        #expect(
            message.conversationLine == "andrewbrown 2023-03-20 04:08 PM   Morning! Did you get the messaging strea...")
    }

    @Test("Pattern A/B JSON uses the app's field names")
    func messageJSON() throws {
        let message = Message(uuid: "u", displayName: "D", handle: "h", message: "m", createdAt: "c")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(message), as: UTF8.self)
                == #"{"created_at":"c","display_name":"D","handle":"h","message":"m","uuid":"u"}"#)
    }

    @Test("The users fixture holds andrewbrown, bayko and londo; unknown handles are named")
    func users() throws {
        let users = try fixtureUsers()
        #expect(users.users.map(\.handle) == ["andrewbrown", "bayko", "londo"])
        #expect(try users.user(handle: "bayko").displayName == "Andrew Bayko")
        let error = #expect(throws: MessagingError.self) { try users.user(handle: "nobody") }
        #expect(
            error?.description == "No user with handle \"nobody\"; known handles: \"andrewbrown\", \"bayko\", \"londo\""
        )
        let duplicate = #expect(throws: MessagingError.self) {
            try UserDirectory(users: [
                User(uuid: "1", handle: "a", displayName: "A"), User(uuid: "2", handle: "a", displayName: "B"),
            ])
        }
        #expect(duplicate?.description == "Duplicate user handle \"a\" in the users fixture")
    }

    @Test("an unknown user reference is reported as what it looks like: a handle, or a uuid")
    func unknownReference() async throws {
        let users = try fixtureUsers()
        let handle = await #expect(throws: MessagingError.self) { try await users.user(reference: "nobody") }
        #expect(
            handle?.description == "No user with handle \"nobody\"; known handles: \"andrewbrown\", \"bayko\", \"londo\"")
        let uuid = "0f0e0d0c-0b0a-4909-8807-060504030201"
        let byUUID = await #expect(throws: MessagingError.self) { try await users.user(reference: uuid) }
        #expect(byUUID?.description == "No user with uuid or Cognito sub \"\(uuid)\"")
    }

    @Test("schema-load reads the table from template.json as the engine creates it")
    func tableDeclaration() throws {
        let path = try LambdaTestHarness.findTemplate(above: #filePath)
        let input = try TableDeclaration.createTableInput(templateAt: path, tableName: "cruddur-messages")
        #expect(
            input
                == CreateTableInput(
                    attributeDefinitions: [
                        AttributeDefinition(attributeName: "pk", attributeType: .s),
                        AttributeDefinition(attributeName: "sk", attributeType: .s),
                        AttributeDefinition(attributeName: "message_group_uuid", attributeType: .s),
                    ],
                    tableName: "cruddur-messages",
                    keySchema: [
                        KeySchemaElement(attributeName: "pk", keyType: .hash),
                        KeySchemaElement(attributeName: "sk", keyType: .range),
                    ],
                    globalSecondaryIndexes: [
                        GlobalSecondaryIndex(
                            indexName: "message-group-sk-index",
                            keySchema: [
                                KeySchemaElement(attributeName: "message_group_uuid", keyType: .hash),
                                KeySchemaElement(attributeName: "sk", keyType: .range),
                            ],
                            projection: Projection(projectionType: .all))
                    ],
                    billingMode: .payPerRequest,
                    streamSpecification: StreamSpecification(streamEnabled: true, streamViewType: .newImage)))
        let missing = #expect(throws: MessagingError.self) {
            try TableDeclaration.createTableInput(templateAt: path, tableName: "users")
        }
        #expect(
            missing?.description
                == "Template \"\(path)\" declares no AWS::DynamoDB::Table named \"users\" (found: \"cruddur-messages\")"
        )
    }

    @Test("The template's table created by schema-load's reading matches the harness's (ensureTable agrees)")
    func declarationMatchesHarness() async throws {
        let harness = try await LambdaTestHarness()
        let path = try LambdaTestHarness.findTemplate(above: #filePath)
        let input = try TableDeclaration.createTableInput(templateAt: path, tableName: "cruddur-messages")
        #expect(try await harness.store.ensureTable(input) == .matched)
    }
}
