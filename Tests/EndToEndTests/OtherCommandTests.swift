import Foundation
import Testing

/// `lambda-local list`, `generate-event`, and a function binary started outside the emulator.
@Suite(.timeLimit(.minutes(3)))
struct OtherCommandTests {
    @Test("list names each function with its runtime, executable, timeout and memory")
    func list() throws {
        let result = try run(Paths.lambdaLocal, ["list", "--template", Paths.fixtureTemplate, "--bin-path", Paths.binDirectory])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Functions:")
        #expect(lines.contains("  Probe (probe-function)  provided.al2023  swift product Probe  timeout 2s  memory 256 MB"))
        #expect(lines.contains("  ShellFunction  provided.al2023  bootstrap  timeout 2s  memory 256 MB"))
    }

    @Test("generate-event dynamodb batch prints INSERT, MODIFY and REMOVE with AWS's formats")
    func generateBatch() throws {
        let result = try run(Paths.lambdaLocal, ["generate-event", "dynamodb", "batch", "--table", "cruddur-messages", "--region", "ca-central-1"])
        #expect(result.status == 0, "\(result.stderr)")
        let event = try jsonObject(result.stdout)
        let records = try #require(event["Records"] as? [[String: Any]])
        #expect(records.map { $0["eventName"] as? String } == ["INSERT", "MODIFY", "REMOVE"])
        for record in records {
            #expect(record["eventVersion"] as? String == "1.1")
            #expect(record["eventSource"] as? String == "aws:dynamodb")
            #expect(record["awsRegion"] as? String == "ca-central-1")
            #expect((record["eventID"] as? String)?.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            let arn = try #require(record["eventSourceARN"] as? String)
            #expect(
                arn.wholeMatch(
                    of: /arn:aws:dynamodb:ca-central-1:123456789012:table\/cruddur-messages\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}/)
                    != nil)
            let data = try #require(record["dynamodb"] as? [String: Any])
            #expect((data["SequenceNumber"] as? String)?.wholeMatch(of: /\d{21,40}/) != nil)
            #expect(data["StreamViewType"] as? String == "NEW_AND_OLD_IMAGES")
            #expect(data["ApproximateCreationDateTime"] is Int)
        }
        let sizes = records.compactMap { ($0["dynamodb"] as? [String: Any])?["SizeBytes"] as? Int }
        #expect(sizes == [26, 59, 38])
        // Keys come first in AWS's field order.
        #expect(result.stdout.range(of: "\"eventID\"")!.lowerBound < result.stdout.range(of: "\"eventName\"")!.lowerBound)
    }

    @Test("generate-event takes the item as DynamoDB JSON and reports a bad one by option")
    func generateWithItem() throws {
        let result = try run(
            Paths.lambdaLocal,
            [
                "generate-event", "dynamodb", "insert", "--view-type", "NEW_IMAGE", "--keys", #"{"pk":{"S":"MSG#1"},"sk":{"S":"2024"}}"#,
                "--new-image", #"{"pk":{"S":"MSG#1"},"sk":{"S":"2024"},"message":{"S":"hi"}}"#,
            ])
        let record = try #require((try jsonObject(result.stdout)["Records"] as? [[String: Any]])?.first)
        let data = try #require(record["dynamodb"] as? [String: Any])
        #expect((data["NewImage"] as? [String: Any])?["message"] as? [String: String] == ["S": "hi"])
        #expect(data["StreamViewType"] as? String == "NEW_IMAGE")
        let bad = try run(Paths.lambdaLocal, ["generate-event", "dynamodb", "insert", "--keys", #"{"pk":"x"}"#])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--keys: "))
    }

    @Test("a function started without AWS_LAMBDA_RUNTIME_API explains itself in one line and exits 1")
    func functionOutsideLambda() throws {
        let result = try run("/usr/bin/env", ["-u", "AWS_LAMBDA_RUNTIME_API", "\(Paths.binDirectory)/Echo"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "LambdaRuntime: AWS_LAMBDA_RUNTIME_API is not set; run this function with 'lambda-local invoke <Function>' or deploy it as 'bootstrap' on provided.al2023\n"
        )
    }
}
