import Foundation
import Testing

/// `lambda-local start` serving DynamoDB: the real binary driven by boto3 and the AWS CLI, persistence across a
/// `kill -9`, schema checks at start, and the endpoint handed to functions.
@Suite(.timeLimit(.minutes(3)))
struct DynamoDBEndToEndTests {
    @Test("boto3 runs Cruddur's patterns, transactions and conditional puts, and reads the stream back exactly")
    func cruddurThroughBoto3() throws {
        // The tables only: MessagingStream's mapping would move the group rows this script checks.
        let directory = try TemporaryDirectory()
        let emulator = try RunningEmulator(template: try Paths.tablesOnlyRootTemplate(in: directory))
        let result = try run(
            "/usr/bin/env",
            [
                "python3", "\(Paths.packageRoot)/Tests/EndToEndTests/Scripts/dynamodb_cruddur.py",
                emulator.dynamoDBEndpoint,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try canonicalJSON(result.stdout) == canonicalJSON(Self.expectedCruddurSummary))
    }

    @Test("aws dynamodb list-tables and describe-table see the template's table as declared")
    func awsCLI() throws {
        let emulator = try RunningEmulator(template: Paths.rootTemplate)
        let list = try emulator.awsDynamoDB(["list-tables"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try canonicalJSON(list.stdout) == #"{"TableNames":["cruddur-messages"]}"#)

        let describe = try emulator.awsDynamoDB(["describe-table", "--table-name", "cruddur-messages"])
        #expect(describe.status == 0, "\(describe.stderr)")
        let table = try #require(try jsonObject(describe.stdout)["Table"] as? [String: Any])
        #expect(table["TableName"] as? String == "cruddur-messages")
        #expect(table["TableStatus"] as? String == "ACTIVE")
        #expect(table["TableArn"] as? String == "arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages")
        #expect(
            try canonicalJSON(table["KeySchema"] ?? [])
                == #"[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]"#)
        #expect(
            try canonicalJSON(table["StreamSpecification"] ?? [:])
                == #"{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}"#)
        #expect((table["BillingModeSummary"] as? [String: Any])?["BillingMode"] as? String == "PAY_PER_REQUEST")
        let index = try #require((table["GlobalSecondaryIndexes"] as? [[String: Any]])?.first)
        #expect(index["IndexName"] as? String == "message-group-sk-index")
        #expect(
            try canonicalJSON(index["KeySchema"] ?? [])
                == #"[{"AttributeName":"message_group_uuid","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]"#
        )
        #expect(try canonicalJSON(index["Projection"] ?? [:]) == #"{"ProjectionType":"ALL"}"#)
        let streamARN = try #require(table["LatestStreamArn"] as? String)
        #expect(
            streamARN.wholeMatch(
                of:
                    /arn:aws:dynamodb:us-east-1:123456789012:table\/cruddur-messages\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}/
            ) != nil)
    }

    @Test("an acknowledged write survives kill -9 of the emulator and is read back after a restart")
    func persistence() throws {
        let state = try TemporaryDirectory()
        let key = #"{"pk": {"S": "MSG#persist"}, "sk": {"S": "2023-03-20T16:08:58.321345+00:00"}}"#
        let item =
            #"{"pk": {"S": "MSG#persist"}, "sk": {"S": "2023-03-20T16:08:58.321345+00:00"}, "message": {"S": "still here"}}"#
        let first = try RunningEmulator(template: Paths.rootTemplate, stateDirectory: state.path)
        let put = try first.awsDynamoDB(["put-item", "--table-name", "cruddur-messages", "--item", item])
        #expect(put.status == 0, "\(put.stderr)")
        first.kill()
        #expect(FileManager.default.fileExists(atPath: state.path + "/tables.sqlite"))

        let second = try RunningEmulator(template: Paths.rootTemplate, stateDirectory: state.path)
        #expect(second.log.contains("(state: \(state.path)/tables.sqlite)"))
        let get = try second.awsDynamoDB(["get-item", "--table-name", "cruddur-messages", "--key", key])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(
            try canonicalJSON(get.stdout)
                == #"{"Item":{"message":{"S":"still here"},"pk":{"S":"MSG#persist"},"sk":{"S":"2023-03-20T16:08:58.321345+00:00"}}}"#
        )
    }

    @Test("start refuses a state whose table differs from the template, naming the table and the difference")
    func schemaMismatch() throws {
        let project = try TemporaryDirectory()
        _ = try project.write("Package.swift", "// swift-tools-version:6.1\n")
        let state = project.path + "/state"
        let original = try project.write("template.json", Self.tableTemplate(sortKey: "sk"))
        let emulator = try RunningEmulator(template: original, stateDirectory: state)
        #expect(emulator.interrupt() == 0)

        let changed = try project.write("changed.json", Self.tableTemplate(sortKey: "created_at"))
        let result = try lambdaLocal(
            ["start", "--port", "0", "--dynamodb-port", "0", "--state-dir", state], template: changed)
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                #"Resources.MessagesTable: Table "cruddur-messages" already exists with a different KeySchema: declared [pk HASH, created_at RANGE], found [pk HASH, sk RANGE]"#
            ), "\(result.stderr)")
        #expect(!result.stderr.contains("DynamoDB on"))
    }

    @Test("functions get AWS_ENDPOINT_URL_DYNAMODB(STREAMS) unless the template sets them, and the live StreamArn")
    func functionEnvironment() throws {
        let project = try TemporaryDirectory()
        _ = try project.write("Package.swift", "// swift-tools-version:6.1\n")
        let template = try project.write(
            "template.json",
            """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "Probe": {"Type": "AWS::Serverless::Function", "Properties": {
                "Runtime": "provided.al2023", "Handler": "Probe", "CodeUri": "\(Paths.packageRoot)/Tests/Functions/Probe",
                "Environment": {"Variables": {
                  "STREAM": {"Fn::GetAtt": ["MessagesTable", "StreamArn"]},
                  "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": "http://streams.example"}}}},
              "MessagesTable": \(Self.tableResource(sortKey: "sk"))}}
            """)
        let emulator = try RunningEmulator(template: template)
        let (output, payload) = try emulator.awsInvoke("Probe", payload: #"{"action":"env"}"#)
        #expect(output.status == 0, "\(output.stderr)")
        let variables = try #require(try jsonObject(payload)["environment"] as? [String: String])
        #expect(variables["AWS_ENDPOINT_URL_DYNAMODB"] == emulator.dynamoDBEndpoint)
        #expect(variables["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] == "http://streams.example")
        let describe = try emulator.awsDynamoDB(["describe-table", "--table-name", "cruddur-messages"])
        let table = try #require(try jsonObject(describe.stdout)["Table"] as? [String: Any])
        #expect(variables["STREAM"] == table["LatestStreamArn"] as? String)
    }

    @Test("--in-memory and --state-dir together are refused")
    func inMemoryWithStateDir() throws {
        let result = try lambdaLocal(["start", "--in-memory", "--state-dir", "/tmp/x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--in-memory and --state-dir cannot be used together"))
    }

    static func tableResource(sortKey: String) -> String {
        """
        {"Type": "AWS::DynamoDB::Table", "Properties": {
          "TableName": "cruddur-messages", "BillingMode": "PAY_PER_REQUEST",
          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "\(sortKey)", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "\(sortKey)", "KeyType": "RANGE"}],
          "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}}
        """
    }

    static func tableTemplate(sortKey: String) -> String {
        #"{"Resources": {"MessagesTable": \#(tableResource(sortKey: sortKey))}}"#
    }

    /// What Scripts/dynamodb_cruddur.py prints against a correct endpoint.
    static let expectedCruddurSummary = """
        {
          "cancelled_transaction": {
            "code": "TransactionCanceledException",
            "message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
            "reasons": ["None", "ConditionalCheckFailed"]
          },
          "conditional_put": {
            "code": "ConditionalCheckFailedException",
            "message": "The conditional request failed",
            "old_message": "Have you watched Babylon 5?",
            "status": 400
          },
          "gsi": [
            "GRP#7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d 2023-03-20T16:00:00.000000+00:00",
            "GRP#90d7c6b6-2f2a-4e41-9a3c-2d0f0d5f6a11 2023-03-20T16:00:00.000000+00:00"
          ],
          "items_after": 7,
          "pattern_a": {
            "ConsumedCapacity": {"CapacityUnits": 0.5, "TableName": "cruddur-messages"},
            "messages": [
              {
                "created_at": "2023-03-20T16:01:00.000000+00:00", "display_name": "Andrew Brown", "handle": "andrewbrown",
                "message": "Have you watched Babylon 5?", "uuid": "00000000-0000-4000-8000-000000000001"
              },
              {
                "created_at": "2023-03-20T16:02:00.000000+00:00", "display_name": "Andrew Bayko", "handle": "bayko",
                "message": "Yes, twice. Season 3 is the best.", "uuid": "00000000-0000-4000-8000-000000000002"
              },
              {
                "created_at": "2023-03-20T16:03:00.000000+00:00", "display_name": "Andrew Brown", "handle": "andrewbrown",
                "message": "Agreed: G'Kar's speeches alone are worth it.", "uuid": "00000000-0000-4000-8000-000000000003"
              }
            ]
          },
          "pattern_b": [
            {
              "created_at": "2023-03-20T16:00:00.000000+00:00", "display_name": "Andrew Bayko", "handle": "bayko",
              "message": "filler", "uuid": "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
            }
          ],
          "scan": {
            "Count": 5,
            "ScannedCount": 5,
            "keys": [
              "GRP#7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d 2023-03-20T16:00:00.000000+00:00",
              "GRP#90d7c6b6-2f2a-4e41-9a3c-2d0f0d5f6a11 2023-03-20T16:00:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:01:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:02:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:03:00.000000+00:00"
            ]
          },
          "stream": {
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            "StreamStatus": "ENABLED",
            "StreamViewType": "NEW_IMAGE",
            "eventNames": ["INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE"],
            "failed_checks": [],
            "keys": [
              "GRP#90d7c6b6-2f2a-4e41-9a3c-2d0f0d5f6a11 2023-03-20T16:00:00.000000+00:00",
              "GRP#7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d 2023-03-20T16:00:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:01:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:02:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:03:00.000000+00:00",
              "GRP#90d7c6b6-2f2a-4e41-9a3c-2d0f0d5f6a11 2023-03-20T16:10:00.000000+00:00",
              "GRP#c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f 2023-03-20T16:10:00.000000+00:00",
              "MSG#0b2f3b4a-9d6c-4f1e-8a57-3c3d1e2f4a5b 2023-03-20T16:10:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:03:00.000000+00:00",
              "MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399 2023-03-20T16:01:00.000000+00:00"
            ],
            "listed": [{"TableName": "cruddur-messages", "arn_is_latest": true}],
            "records_expected": 10,
            "sequence_increasing": true,
            "shards": 1
          },
          "tables": ["cruddur-messages"]
        }
        """
}

extension RunningEmulator {
    /// `aws dynamodb <arguments>` against this emulator's DynamoDB endpoint, JSON output.
    func awsDynamoDB(_ arguments: [String]) throws -> CommandResult { try aws("dynamodb", arguments) }

    /// `aws dynamodbstreams <arguments>` against this emulator's DynamoDB endpoint, JSON output.
    func awsStreams(_ arguments: [String]) throws -> CommandResult { try aws("dynamodbstreams", arguments) }

    private func aws(_ service: String, _ arguments: [String]) throws -> CommandResult {
        try run(
            "/usr/bin/env",
            ["aws", service] + arguments + ["--endpoint-url", dynamoDBEndpoint, "--output", "json"],
            environment: [
                "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
            ])
    }
}

/// JSON text with keys sorted and no whitespace, so documents compare exactly whatever their layout.
func canonicalJSON(_ value: Any) throws -> String {
    let object =
        try (value as? String).map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        ?? value
    let data = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}
