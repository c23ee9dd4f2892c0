import Foundation
import SAMTemplate
import Testing

struct TemplateLoaderTests {
    /// The repository's root, two levels above this file's folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Whatever functions the repository's template has (`lambda-local new` adds some), it loads and each one's
    /// code is inside the repository; the functions themselves are checked on fixtures.
    @Test("the repository's template.json loads, every function's CodeUri inside the repository")
    func rootTemplate() throws {
        let path = Self.repositoryRoot.appendingPathComponent("template.json").path
        let template = try TemplateLoader.load(contentsOf: path)
        #expect(template.path == path)
        #expect(template.directory == Self.repositoryRoot.standardizedFileURL.path)
        #expect(!template.functions.isEmpty)
        for function in template.functions {
            #expect(function.codeURI.hasPrefix(Self.repositoryRoot.standardizedFileURL.path + "/"))
            #expect(FileManager.default.fileExists(atPath: function.codeURI))
        }
    }

    @Test("the Cruddur fixture loads: table, stream function, globals, parameters and skipped items")
    func cruddurFixture() throws {
        let template = try TemplateLoader.load(
            contentsOf: fixturesDirectory + "/cruddur.json",
            options: TemplateLoadOptions(
                parameterOverrides: ["Stage": "prod"], region: "eu-west-1", stackName: "cruddur"))
        let table = try #require(template.table(named: "cruddur-messages-prod"))
        #expect(template.table(named: "MessagesTable") == table)
        #expect(table.keySchema == .init(partitionKey: "pk", sortKey: "sk"))
        #expect(table.attributeType(of: "message_group_uuid") == .string)
        #expect(table.billingMode == .provisioned)
        #expect(table.provisionedThroughput == .init(readCapacityUnits: 5, writeCapacityUnits: 5))
        #expect(
            table.globalSecondaryIndexes == [
                .init(
                    name: "message-group-sk-index", keySchema: .init(partitionKey: "message_group_uuid", sortKey: "sk"),
                    projection: .all, provisionedThroughput: .init(readCapacityUnits: 5, writeCapacityUnits: 5))
            ])
        #expect(table.streamViewType == .newImage)
        #expect(table.timeToLive == .init(attributeName: "expires_at", enabled: true))

        let function = try #require(template.function(named: "cruddur-messaging-stream"))
        #expect(template.function(named: "MessagingStream") == function)
        #expect(function.timeout == 30)
        #expect(function.codeURI == fixturesDirectory + "/functions/MessagingStream")
        #expect(function.environmentVariables.map(\.name) == ["STAGE", "LOG_LEVEL", "TABLE_NAME", "STREAM_ARN"])
        #expect(
            function.environment == [
                "STAGE": "prod", "LOG_LEVEL": "debug", "TABLE_NAME": "cruddur-messages-prod",
                "STREAM_ARN":
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/cruddur-messages-prod/stream/1970-01-01T00:00:00.000",
            ])

        let event = try #require(function.streamEvents.first)
        #expect(function.streamEvents.count == 1)
        #expect(event.name == "Stream")
        #expect(event.stream == .table(.init(tableLogicalID: "MessagesTable", tableName: "cruddur-messages-prod")))
        #expect(event.startingPosition == .trimHorizon)
        #expect(event.batchSize == 1)
        #expect(event.maximumRetryAttempts == 3)
        #expect(event.maximumRecordAgeInSeconds == 3600)
        #expect(event.bisectBatchOnFunctionError)
        #expect(event.reportBatchItemFailures)
        #expect(
            event.filters.map(\.rawPattern) == [
                #"{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}"#
            ])
        #expect(event.filters.first?.pattern.keys == ["eventName", "dynamodb"])
        #expect(event.onFailure == .init(destination: .resource(logicalID: "StreamDLQ", attribute: "Arn"), type: .sqs))
        #expect(event.enabled)
        #expect(event.parallelizationFactor == 1)
        #expect(event.maximumBatchingWindowInSeconds == 0)
        #expect(event.tumblingWindowInSeconds == 0)

        #expect(template.unsupportedEvents == [.init(functionLogicalID: "MessagingStream", name: "Api", type: "Api")])
        #expect(template.unsupportedResources == [.init(logicalID: "StreamDLQ", type: "AWS::SQS::Queue")])
    }

    @Test("malformed JSON names the file, line and column")
    func malformedFile() {
        let path = fixturesDirectory + "/malformed.json"
        #expect(throws: TemplateError.self) { try TemplateLoader.load(contentsOf: path) }
        do {
            _ = try TemplateLoader.load(contentsOf: path)
        } catch {
            #expect(error.code == .malformedJSON)
            #expect(error.position == .init(line: 6, column: 40))
            #expect(error.description == "\(path):6:40: found '}', expected a property name in double quotes")
        }
    }

    @Test("a missing file names the path as given")
    func missingFile() {
        #expect(
            throws: TemplateError(
                code: .unreadableFile, file: "no/such/template.json", path: "$", found: "no file",
                expected: "a readable SAM template in JSON")
        ) {
            try TemplateLoader.load(contentsOf: "no/such/template.json")
        }
    }

    @Test("the live stream ARN comes from the caller's resolver")
    func liveStreamARN() throws {
        let template = try loadTemplate(
            echoTemplate(
                properties: #"""
                    "Environment": {"Variables": {"FEED": {"Fn::Sub": "stream=${Messages.StreamArn};"}}}
                    """#,
                resources: messagesTable))
        let echo = try #require(template.function(named: "Echo"))
        #expect(
            echo.environmentVariables.first?.value.streamReferences == [
                .init(tableLogicalID: "Messages", tableName: "cruddur-messages")
            ])
        let live = echo.environment { reference in
            template.streamARN(tableName: reference.tableName, label: "2026-11-25T22:00:00.000")
        }
        #expect(
            live == [
                "FEED":
                    "stream=arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages/stream/2026-11-25T22:00:00.000;"
            ])
        #expect(
            echo.environment == [
                "FEED":
                    "stream=arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages/stream/1970-01-01T00:00:00.000;"
            ])
    }

    @Test("functions and tables keep document order; lookups accept names and logical IDs")
    func order() throws {
        let template = try loadTemplate(
            """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "Zed": {"Type": "AWS::Serverless::Function", "Properties": {
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2", "FunctionName": "zed-fn"}},
              "Alpha": {"Type": "AWS::Serverless::Function", "Properties": {
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"}}
            }}
            """)
        #expect(template.functions.map(\.logicalID) == ["Zed", "Alpha"])
        #expect(template.function(named: "zed-fn")?.logicalID == "Zed")
        #expect(template.function(named: "Zed")?.functionName == "zed-fn")
        #expect(template.function(named: "Alpha")?.runtime == .providedAL2023)
        #expect(template.function(named: "nope") == nil)
    }
}
