import DynamoDBTypes
import EventSourceMapping
import Foundation
import SAMTemplate
import Testing

@testable import Emulator
@testable import FunctionRunner
@testable import StreamTriggers

/// How the emulator turns a template's DynamoDB events into mappings, and keeps their checkpoints and failures.
struct MappingSetupTests {
    static func template(event: String) throws -> Template {
        let text = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "Events": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "TableName": "events", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
              "DLQ": {"Type": "AWS::SQS::Queue"},
              "Worker": {"Type": "AWS::Serverless::Function", "Properties": {
                "Runtime": "provided.al2023", "Handler": "Worker", "CodeUri": "functions/Echo",
                "Events": {"Stream": {"Type": "DynamoDB", "Properties": {
                  "Stream": {"Fn::GetAtt": ["Events", "StreamArn"]}, "StartingPosition": "LATEST" \(event)}}}}}}}
            """
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        return try TemplateLoader.load(data: Data(text.utf8), file: "template.json", directory: root)
    }

    static func declaration(_ event: String = "") throws -> MappingDeclaration {
        try #require(MappingDeclaration.all(in: template(event: event)).first)
    }

    @Test("a DynamoDB event becomes a mapping named <Function>.<Event> with the declared settings")
    func settings() throws {
        let declaration = try Self.declaration(
            #", "BatchSize": 7, "MaximumRetryAttempts": 2, "BisectBatchOnFunctionError": true, "ParallelizationFactor": 3, "FunctionResponseTypes": ["ReportBatchItemFailures"], "MaximumBatchingWindowInSeconds": 4, "MaximumRecordAgeInSeconds": 120, "Enabled": false"#
        )
        #expect(declaration.name == "Worker.Stream")
        let settings = try declaration.settings(templatePath: "template.json")
        #expect(settings.startingPosition == .latest)
        #expect(settings.batchSize == 7)
        #expect(settings.maximumRetryAttempts == 2)
        #expect(settings.bisectBatchOnFunctionError)
        #expect(settings.parallelizationFactor == 3)
        #expect(settings.reportBatchItemFailures)
        #expect(settings.maximumBatchingWindow == .seconds(4))
        #expect(settings.maximumRecordAgeInSeconds == 120)
        #expect(!settings.enabled)
        #expect(settings.filter == nil)
    }

    @Test("a filter pattern Lambda would reject stops the mapping with the template path and AWS's message")
    func invalidFilter() throws {
        let declaration = try Self.declaration(
            #", "FilterCriteria": {"Filters": [{"Pattern": "{\"eventName\": \"INSERT\"}"}]}"#)
        let error = #expect(throws: MappingDeclarationError.self) {
            try declaration.settings(templatePath: "template.json")
        }
        #expect(error?.path == "Resources.Worker.Properties.Events.Stream.Properties.FilterCriteria")
        #expect(error?.description.hasPrefix(
            "template.json: Resources.Worker.Properties.Events.Stream.Properties.FilterCriteria: Invalid filter pattern definition.") == true)
    }

    @Test(
        "the failure file is named after the destination's logical ID, its ARN's last part, or the mapping",
        arguments: [
            (#", "DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": {"Fn::GetAtt": ["DLQ", "Arn"]}}}"#, "DLQ"),
            (#", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:stream-dlq"}}"#, "stream-dlq"),
            ("", "Worker.Stream.discarded"),
        ])
    func destinationName(event: String, name: String) throws {
        #expect(try Self.declaration(event).destinationName == name)
    }

    @Test("file names keep letters, digits, '-', '_' and '.' and replace the rest")
    func fileNames() {
        #expect(FailureFile.fileName(for: "Worker.Stream.discarded") == "Worker.Stream.discarded.jsonl")
        #expect(FailureFile.fileName(for: "a/b:c d") == "a_b_c_d.jsonl")
    }

    @Test("each discarded batch is one JSON line in the destination's file, readable by FailureLog")
    func failureFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("failures-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = FailureFile(destinationName: "DLQ", directory: directory, console: .discarding)
        let record = StreamRecord(
            eventID: "e1", eventName: .insert, awsRegion: "us-east-1",
            dynamodb: StreamRecordData(
                approximateCreationDateTime: Date(timeIntervalSince1970: 1_700_000_000), keys: ["pk": .s("a")],
                newImage: nil, oldImage: nil, sequenceNumber: "100000000000000000001", sizeBytes: 3,
                streamViewType: .keysOnly),
            eventSourceARN: "arn:aws:dynamodb:us-east-1:123456789012:table/events/stream/2023-11-14T22:13:20.000")
        let failure = OnFailureRecord(
            requestContext: .init(
                requestId: "r1", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:Worker",
                condition: .retryAttemptsExhausted, approximateInvokeCount: 3),
            responseContext: .init(statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled"),
            discardedAt: Date(timeIntervalSince1970: 1_700_000_100),
            batchInfo: .init(records: [record], shardID: "shardId-1", streamARN: record.eventSourceARN ?? ""),
            payload: DynamoDBStreamEvent(records: [record]))
        try await file.deliver(failure)
        try await file.deliver(failure)
        #expect(file.name == directory + "/DLQ.jsonl")
        let entries = try FailureLog.read(directory: directory)
        #expect(entries.count == 2)
        #expect(entries.first?.record == failure)
        #expect(
            entries.first?.line
                == "2023-11-14T22:15:00.000Z  RetryAttemptsExhausted  3 invocations  1 record 100000000000000000001  Worker  error: Unhandled"
        )
        #expect(try FailureLog.read(directory: directory, prefix: "other").isEmpty)
    }

    @Test("checkpoints and mapping UUIDs survive reopening the database")
    func checkpointDatabase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lane = LaneKey(mappingUUID: "m", streamARN: "arn:s", shardID: "shardId-1", lane: 0)
        let other = LaneKey(mappingUUID: "m", streamARN: "arn:s", shardID: "shardId-1", lane: 1)
        let uuid: String
        do {
            let database = try CheckpointDatabase(directory: directory)
            uuid = try database.uuid(forMapping: "Worker.Stream")
            #expect(try database.uuid(forMapping: "Worker.Stream") == uuid)
            #expect(try await database.checkpoint(for: lane) == nil)
            try await database.save(.beginning, for: other)
            try await database.save(.after(try SequenceNumber("100000000000000000042")), for: lane)
        }
        let reopened = try CheckpointDatabase(directory: directory)
        #expect(try reopened.uuid(forMapping: "Worker.Stream") == uuid)
        #expect(try reopened.uuid(forMapping: "Other.Stream") != uuid)
        #expect(try await reopened.checkpoint(for: lane) == .after(try SequenceNumber("100000000000000000042")))
        #expect(try await reopened.checkpoint(for: other) == .beginning)
    }
}
