import SAMTemplate
import Testing

struct DynamoDBEventTests {
    static let eventPath = "\(echoPath).Events.Stream.Properties"

    /// The single stream event of `Echo` with `properties` added.
    func event(_ properties: String = "") throws -> StreamEventDefinition {
        let echo = try #require(try loadTemplate(streamTemplate(properties)).function(named: "Echo"))
        return try #require(echo.streamEvents.first)
    }

    /// The integer setting `name` of `event`.
    func setting(_ name: String, of event: StreamEventDefinition) -> Int? {
        switch name {
        case "BatchSize": event.batchSize
        case "MaximumBatchingWindowInSeconds": event.maximumBatchingWindowInSeconds
        case "MaximumRetryAttempts": event.maximumRetryAttempts
        case "MaximumRecordAgeInSeconds": event.maximumRecordAgeInSeconds
        case "ParallelizationFactor": event.parallelizationFactor
        case "TumblingWindowInSeconds": event.tumblingWindowInSeconds
        default: nil
        }
    }

    @Test("defaults match Lambda's")
    func defaults() throws {
        let event = try event()
        #expect(event.name == "Stream")
        #expect(event.stream == .table(.init(tableLogicalID: "Messages", tableName: "cruddur-messages")))
        #expect(event.startingPosition == .latest)
        #expect(event.batchSize == 100)
        #expect(event.maximumBatchingWindowInSeconds == 0)
        #expect(event.maximumRetryAttempts == -1)
        #expect(event.maximumRecordAgeInSeconds == -1)
        #expect(!event.bisectBatchOnFunctionError)
        #expect(event.parallelizationFactor == 1)
        #expect(!event.reportBatchItemFailures)
        #expect(event.filters.isEmpty)
        #expect(event.onFailure == nil)
        #expect(event.enabled)
        #expect(event.tumblingWindowInSeconds == 0)
    }

    static let bounds: [(String, Int, String?)] = [
        ("BatchSize", 0, "an integer from 1 to 10000"), ("BatchSize", 1, nil), ("BatchSize", 10000, nil),
        ("BatchSize", 10001, "an integer from 1 to 10000"),
        ("MaximumBatchingWindowInSeconds", -1, "an integer from 0 to 300"),
        ("MaximumBatchingWindowInSeconds", 0, nil), ("MaximumBatchingWindowInSeconds", 300, nil),
        ("MaximumBatchingWindowInSeconds", 301, "an integer from 0 to 300"),
        ("MaximumRetryAttempts", -2, "-1 or an integer from 0 to 10000"), ("MaximumRetryAttempts", -1, nil),
        ("MaximumRetryAttempts", 0, nil), ("MaximumRetryAttempts", 10000, nil),
        ("MaximumRetryAttempts", 10001, "-1 or an integer from 0 to 10000"),
        ("MaximumRecordAgeInSeconds", -2, "-1 or an integer from 60 to 604800"),
        ("MaximumRecordAgeInSeconds", -1, nil), ("MaximumRecordAgeInSeconds", 0, "-1 or an integer from 60 to 604800"),
        ("MaximumRecordAgeInSeconds", 59, "-1 or an integer from 60 to 604800"),
        ("MaximumRecordAgeInSeconds", 60, nil), ("MaximumRecordAgeInSeconds", 604800, nil),
        ("MaximumRecordAgeInSeconds", 604801, "-1 or an integer from 60 to 604800"),
        ("ParallelizationFactor", 0, "an integer from 1 to 10"), ("ParallelizationFactor", 1, nil),
        ("ParallelizationFactor", 10, nil), ("ParallelizationFactor", 11, "an integer from 1 to 10"),
        ("TumblingWindowInSeconds", -1, "an integer from 0 to 900"), ("TumblingWindowInSeconds", 0, nil),
        ("TumblingWindowInSeconds", 900, nil), ("TumblingWindowInSeconds", 901, "an integer from 0 to 900"),
    ]

    @Test("each range is enforced at both bounds", arguments: bounds)
    func ranges(name: String, value: Int, expected: String?) throws {
        let properties = "\"\(name)\": \(value)"
        if let expected {
            #expect(
                loadError(streamTemplate(properties))
                    == "\(Self.eventPath).\(name): found \(value), expected \(expected)")
        } else {
            #expect(setting(name, of: try event(properties)) == value)
        }
    }

    @Test("flags, response types, filters and the on-failure destination are kept")
    func settings() throws {
        let event = try event(
            #"""
            "BisectBatchOnFunctionError": true, "Enabled": false, "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "FilterCriteria": {"Filters": [{"Pattern": "{\"eventName\": [\"INSERT\"]}"}, {"Pattern": "{}"}]},
            "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:dlq"}}
            """#)
        #expect(event.bisectBatchOnFunctionError)
        #expect(!event.enabled)
        #expect(event.reportBatchItemFailures)
        #expect(event.filters.map(\.rawPattern) == [#"{"eventName": ["INSERT"]}"#, "{}"])
        #expect(event.filters[0].pattern["eventName"] == .array([.string("INSERT")]))
        #expect(event.onFailure == .init(destination: .arn("arn:aws:sqs:us-east-1:123456789012:dlq"), type: nil))
    }

    @Test("a literal stream ARN is kept as written")
    func literalStream() throws {
        let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/other/stream/2026-01-01T00:00:00.000"
        let json = echoTemplate(
            properties:
                #""Events": {"S": {"Type": "DynamoDB", "Properties": {"Stream": "\#(arn)", "StartingPosition": "LATEST"}}}"#
        )
        #expect(try loadTemplate(json).function(named: "Echo")?.streamEvents.first?.stream == .arn(arn))
    }

    @Test(
        "bad event properties name the path",
        arguments: [
            (
                #""BatchSise": 10"#, "BatchSise",
                #"found unknown property "BatchSise", expected one of BatchSize, BisectBatchOnFunctionError, "#
                    + "DestinationConfig, Enabled, FilterCriteria, FunctionResponseTypes, KmsKeyArn, "
                    + "MaximumBatchingWindowInSeconds, MaximumRecordAgeInSeconds, MaximumRetryAttempts, MetricsConfig, "
                    + "ParallelizationFactor, StartingPosition, StartingPositionTimestamp, Stream, TumblingWindowInSeconds"
            ),
            (#""Enabled": "yes""#, "Enabled", #"found "yes", expected true or false"#),
            (
                #""FunctionResponseTypes": ["Partial"]"#, "FunctionResponseTypes",
                #"found ["Partial"], expected [] or [ReportBatchItemFailures]"#
            ),
            (
                #""FilterCriteria": {"Filters": [{"Pattern": "[1]"}]}"#, "FilterCriteria.Filters[0].Pattern",
                #"found "[1]", expected a JSON object in a string"#
            ),
            (
                #""FilterCriteria": {"Filters": [{"Pattern": "{\"a\": }"}]}"#, "FilterCriteria.Filters[0].Pattern",
                "found a pattern that is not JSON (at column 7: found '}', expected a JSON value), expected a JSON object in "
                    + "a string"
            ),
            (
                #""FilterCriteria": {"Filters": [{}, {}, {}, {}, {}, {}]}"#, "FilterCriteria.Filters",
                "found 6 filters, expected at most 5 filters"
            ),
            (
                #""FilterCriteria": {"Filters": [{"Pattern": "{\"k\": \"\#(String(repeating: "v", count: 4088))\"}"}]}"#,
                "FilterCriteria.Filters[0].Pattern",
                "found a pattern of 4097 characters, expected at most 4096 characters"
            ),
            (
                #""DestinationConfig": {"OnFailure": {"Type": "SQS"}}"#, "DestinationConfig.OnFailure.Destination",
                "found nothing, expected the ARN of an SQS queue, SNS topic or S3 bucket"
            ),
            (
                #""DestinationConfig": {"OnFailure": {"Destination": "queue", "Type": "SQS"}}"#,
                "DestinationConfig.OnFailure.Destination", #"found "queue", expected an ARN"#
            ),
            (
                #""DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:x", "Type": "Kinesis"}}"#,
                "DestinationConfig.OnFailure.Type", #"found "Kinesis", expected one of SQS, SNS, S3"#
            ),
        ])
    func failures(properties: String, path: String, message: String) {
        #expect(loadError(streamTemplate(properties)) == "\(Self.eventPath).\(path): \(message)")
    }

    @Test(
        "Stream and StartingPosition are required; Stream must name a table with a stream",
        arguments: [
            (
                #""StartingPosition": "LATEST""#, "Stream",
                #"found nothing, expected the stream's ARN or {"Fn::GetAtt": [Table, StreamArn]}"#
            ),
            (
                #""Stream": {"Fn::GetAtt": ["Messages", "StreamArn"]}"#, "StartingPosition",
                "found nothing, expected TRIM_HORIZON or LATEST"
            ),
            (
                #""Stream": {"Fn::GetAtt": ["Messages", "StreamArn"]}, "StartingPosition": "AT_TIMESTAMP""#,
                "StartingPosition", #"found "AT_TIMESTAMP", expected TRIM_HORIZON or LATEST"#
            ),
            (
                #""Stream": {"Fn::GetAtt": ["Nope", "StreamArn"]}, "StartingPosition": "LATEST""#, "Stream.Fn::GetAtt",
                #"found "Nope.StreamArn", expected the StreamArn of an AWS::DynamoDB::Table in Resources"#
            ),
            (
                #""Stream": {"Fn::GetAtt": ["Messages", "Arn"]}, "StartingPosition": "LATEST""#, "Stream.Fn::GetAtt",
                #"found "Messages.Arn", expected the StreamArn of an AWS::DynamoDB::Table in Resources"#
            ),
            (
                #""Stream": {"Fn::GetAtt": "Messages.StreamArn"}, "StartingPosition": "LATEST""#, "Stream.Fn::GetAtt",
                #"found "Messages.StreamArn", expected the StreamArn of a table that has a StreamSpecification"#
            ),
            (
                #""Stream": "arn:aws:sqs:us-east-1:123456789012:q", "StartingPosition": "LATEST""#, "Stream",
                #"found "arn:aws:sqs:us-east-1:123456789012:q", expected a stream ARN "#
                    + "arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>"
            ),
        ])
    func streamAndStartingPosition(properties: String, path: String, message: String) {
        let json = echoTemplate(
            properties: #""Events": {"Stream": {"Type": "DynamoDB", "Properties": {\#(properties)}}}"#,
            resources: messagesTableJSON(stream: !properties.contains("\"Messages.StreamArn\"")))
        #expect(loadError(json) == "\(Self.eventPath).\(path): \(message)")
    }

    @Test("other event types are kept as unsupported, not refused")
    func otherTypes() throws {
        let json = echoTemplate(
            properties: #"""
                "Events": {"Get": {"Type": "Api", "Properties": {"Path": "/", "Method": "get"}},
                           "Tick": {"Type": "Schedule"}}
                """#)
        let template = try loadTemplate(json)
        #expect(
            template.unsupportedEvents == [
                .init(functionLogicalID: "Echo", name: "Get", type: "Api"),
                .init(functionLogicalID: "Echo", name: "Tick", type: "Schedule"),
            ])
        #expect(template.function(named: "Echo")?.streamEvents == [])
    }
}
