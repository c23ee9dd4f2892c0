import Foundation
import SAMTemplate
import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

/// Template tables made real in the store at start: created, matched, or refused when the schema changed.
struct DynamoDBTableSetupTests {
    static func template(sortKey: String = "sk", stream: String? = #"{"StreamViewType": "NEW_IMAGE"}"#) throws
        -> Template
    {
        let text = """
            {"Resources": {"MessagesTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
              "TableName": "cruddur-messages", "BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                       {"AttributeName": "\(sortKey)", "AttributeType": "S"},
                                       {"AttributeName": "message_group_uuid", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "\(sortKey)", "KeyType": "RANGE"}],
              "GlobalSecondaryIndexes": [{"IndexName": "message-group-sk-index",
                "KeySchema": [{"AttributeName": "message_group_uuid", "KeyType": "HASH"},
                              {"AttributeName": "\(sortKey)", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"}}]
              \(stream.map { #", "StreamSpecification": \#($0)"# } ?? "")}}}}
            """
        return try TemplateLoader.load(data: Data(text.utf8), file: "template.json", directory: "/project")
    }

    @Test("the template's table becomes a CreateTable request with keys, GSI, billing and stream")
    func createTableInput() throws {
        let input = try #require(try Self.template().tables.first).createTableInput
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(
            String(decoding: try encoder.encode(input), as: UTF8.self)
                == #"{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"message_group_uuid","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST","GlobalSecondaryIndexes":[{"IndexName":"message-group-sk-index","KeySchema":[{"AttributeName":"message_group_uuid","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},"TableName":"cruddur-messages"}"#
        )
    }

    @Test("a missing table is created, an identical one matched, and the live stream ARN resolved")
    func createThenMatch() async throws {
        let store = try StateLocation.inMemory.openStore(region: "us-east-1", accountID: "123456789012")
        let first = try await TableSetup.ensure(try Self.template(), in: store)
        #expect(first.outcomes.map(\.result) == [.created])
        let arn = try #require(first.outcomes.first?.streamARN)
        #expect(arn.hasPrefix("arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages/stream/"))
        let second = try await TableSetup.ensure(try Self.template(), in: store)
        #expect(second.outcomes.map(\.result) == [.matched])
        #expect(second.outcomes.first?.streamARN == arn)
        let resolve = second.streamARNResolver { _ in "fallback" }
        #expect(resolve(StreamReference(tableLogicalID: "MessagesTable", tableName: "cruddur-messages")) == arn)
        #expect(resolve(StreamReference(tableLogicalID: "Other", tableName: "other")) == "fallback")
    }

    @Test("an existing table whose declared schema changed is refused, naming the table and the difference")
    func mismatch() async throws {
        let store = try StateLocation.inMemory.openStore(region: "us-east-1", accountID: "123456789012")
        _ = try await TableSetup.ensure(try Self.template(), in: store)
        let error = await #expect(throws: TableSetupError.self) {
            try await TableSetup.ensure(try Self.template(stream: nil), in: store)
        }
        #expect(
            error?.description
                == #"/project/template.json: Resources.MessagesTable: Table "cruddur-messages" already exists with a different StreamSpecification: declared none, found NEW_IMAGE"#
        )
        let keys = await #expect(throws: TableSetupError.self) {
            try await TableSetup.ensure(try Self.template(sortKey: "created_at"), in: store)
        }
        #expect(
            keys?.description
                == #"/project/template.json: Resources.MessagesTable: Table "cruddur-messages" already exists with a different KeySchema: declared [pk HASH, created_at RANGE], found [pk HASH, sk RANGE]"#
        )
    }

    @Test("the state location names the SQLite file or memory")
    func stateLocation() {
        #expect(StateLocation.directory("/tmp/state").description == "/tmp/state/tables.sqlite")
        #expect(StateLocation.inMemory.description == "in memory")
        #expect(
            StateLocation.defaultDirectory(templateDirectory: "/work/app") == .directory("/work/app/.lambda-local"))
    }
}
