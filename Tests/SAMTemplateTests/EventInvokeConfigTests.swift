import SAMTemplate
import Testing

/// `EventInvokeConfig` of `AWS::Serverless::Function`: retries, event age and destinations, validated with paths.
struct EventInvokeConfigTests {
    @Test("no EventInvokeConfig is nil; an empty one is Lambda's defaults (2 retries, 6 hours, no destinations)")
    func defaults() throws {
        let plain = try #require(try loadTemplate(echoTemplate()).function(named: "Echo"))
        #expect(plain.eventInvokeConfig == nil)
        let empty = try #require(
            try loadTemplate(echoTemplate(properties: #""EventInvokeConfig": {}"#)).function(named: "Echo"))
        #expect(empty.eventInvokeConfig == EventInvokeConfig(maximumRetryAttempts: 2, maximumEventAgeInSeconds: 21_600))
    }

    @Test("reads retries, age and destinations; Fn::GetAtt of a function is its ARN")
    func full() throws {
        let properties = #"""
            "EventInvokeConfig": {
              "MaximumRetryAttempts": 0, "MaximumEventAgeInSeconds": 60,
              "DestinationConfig": {
                "OnSuccess": {"Type": "SQS", "Destination": "arn:aws:sqs:us-east-1:123456789012:done"},
                "OnFailure": {"Type": "Lambda", "Destination": {"Fn::GetAtt": ["Echo", "Arn"]}}
              }
            }
            """#
        let echo = try #require(try loadTemplate(echoTemplate(properties: properties)).function(named: "Echo"))
        let config = try #require(echo.eventInvokeConfig)
        #expect(config.maximumRetryAttempts == 0)
        #expect(config.maximumEventAgeInSeconds == 60)
        #expect(config.onSuccess == .init(kind: .sqs, arn: "arn:aws:sqs:us-east-1:123456789012:done"))
        #expect(config.onFailure == .init(kind: .lambda, arn: "arn:aws:lambda:us-east-1:123456789012:function:Echo"))
    }

    @Test(
        "rejects bad settings naming the path, what was found and what was expected",
        arguments: [
            (
                #""EventInvokeConfig": {"MaximumRetryAttempts": 3}"#,
                "EventInvokeConfig.MaximumRetryAttempts: found 3, expected an integer from 0 to 2"
            ),
            (
                #""EventInvokeConfig": {"MaximumEventAgeInSeconds": 59}"#,
                "EventInvokeConfig.MaximumEventAgeInSeconds: found 59, expected an integer from 60 to 21600"
            ),
            (
                #""EventInvokeConfig": {"Retries": 1}"#,
                #"EventInvokeConfig.Retries: found unknown property "Retries""#
            ),
            (
                #""EventInvokeConfig": {"DestinationConfig": {"OnFailure": {"Type": "S3", "Destination": "arn:x"}}}"#,
                #"EventInvokeConfig.DestinationConfig.OnFailure.Type: found "S3", expected one of SQS, SNS, Lambda, EventBridge"#
            ),
            (
                #""EventInvokeConfig": {"DestinationConfig": {"OnFailure": {"Type": "SQS"}}}"#,
                "EventInvokeConfig.DestinationConfig.OnFailure.Destination: found nothing, expected the target's ARN"
            ),
            (
                #""EventInvokeConfig": {"DestinationConfig": {"OnSuccess": {"Type": "SQS", "Destination": "queue"}}}"#,
                #"EventInvokeConfig.DestinationConfig.OnSuccess.Destination: found "queue", expected an ARN"#
            ),
        ])
    func rejects(property: String, message: String) {
        let error = loadError(echoTemplate(properties: property)) ?? "loaded"
        #expect(error.contains(message), "\(error)")
    }
}
