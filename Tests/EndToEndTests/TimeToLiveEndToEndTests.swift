import Foundation
import Testing

/// Time to Live through `lambda-local start`: the template's `TimeToLiveSpecification`, the AWS CLI's
/// `update-time-to-live` and `describe-time-to-live`, and boto3 seeing an expired item swept with a REMOVE record
/// that carries the TTL service identity.
@Suite(.timeLimit(.minutes(3)))
struct TimeToLiveEndToEndTests {
    /// The repository's tables (no functions), with TTL declared on `expires` when `ttl` is set.
    static func template(in directory: TemporaryDirectory, ttl: Bool) throws -> String {
        let path = try Paths.tablesOnlyRootTemplate(in: directory)
        var template = try jsonObject(try String(contentsOfFile: path, encoding: .utf8))
        var resources = try #require(template["Resources"] as? [String: Any])
        for (name, value) in resources {
            guard var resource = value as? [String: Any], resource["Type"] as? String == "AWS::DynamoDB::Table",
                var properties = resource["Properties"] as? [String: Any]
            else { continue }
            if ttl { properties["TimeToLiveSpecification"] = ["AttributeName": "expires", "Enabled": true] }
            resource["Properties"] = properties
            resources[name] = resource
        }
        template["Resources"] = resources
        let data = try JSONSerialization.data(withJSONObject: template)
        return try directory.write("template.json", String(decoding: data, as: UTF8.self))
    }

    @Test("the template's TTL is applied; boto3 sees the expired item deleted with a REMOVE carrying userIdentity")
    func templateTTLSweepsThroughBoto3() throws {
        let directory = try TemporaryDirectory()
        let interval = 0.25
        let emulator = try RunningEmulator(
            template: try Self.template(in: directory, ttl: true),
            extraArguments: ["--ttl-sweep-interval", String(interval)])
        let describe = try emulator.awsDynamoDB(["describe-time-to-live", "--table-name", "cruddur-messages"])
        #expect(describe.status == 0, "\(describe.stderr)")
        #expect(
            try canonicalJSON(describe.stdout)
                == #"{"TimeToLiveDescription":{"AttributeName":"expires","TimeToLiveStatus":"ENABLED"}}"#)

        // Two sweep intervals, plus the time boto3 and the first poll take; the script reports when it saw it gone.
        let result = try run(
            "/usr/bin/env",
            [
                "python3", "\(Paths.packageRoot)/Tests/EndToEndTests/Scripts/dynamodb_ttl.py",
                emulator.dynamoDBEndpoint, "cruddur-messages", "expires", String(2 * interval + 1),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
            {"deleted":true,"events":["INSERT","INSERT","REMOVE"],"insert_identity":[null,null],\
            "live_kept":true,"remove_identity":[{"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"}],\
            "removed_keys":["expired"]}
            """
        #expect(try canonicalJSON(result.stdout) == canonicalJSON(expected), "\(result.stdout)\n\(result.stderr)")
    }

    @Test("aws dynamodb update-time-to-live enables and disables TTL; describe-time-to-live follows; repeats fail")
    func awsCLIUpdateAndDescribe() throws {
        let directory = try TemporaryDirectory()
        let emulator = try RunningEmulator(template: try Self.template(in: directory, ttl: false))
        func describe() throws -> String {
            let result = try emulator.awsDynamoDB(["describe-time-to-live", "--table-name", "cruddur-messages"])
            #expect(result.status == 0, "\(result.stderr)")
            return try canonicalJSON(result.stdout)
        }
        #expect(try describe() == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#)
        let enable = try emulator.awsDynamoDB([
            "update-time-to-live", "--table-name", "cruddur-messages", "--time-to-live-specification",
            "Enabled=true,AttributeName=expires",
        ])
        #expect(enable.status == 0, "\(enable.stderr)")
        #expect(
            try canonicalJSON(enable.stdout)
                == #"{"TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}"#)
        #expect(try describe() == #"{"TimeToLiveDescription":{"AttributeName":"expires","TimeToLiveStatus":"ENABLED"}}"#)
        let again = try emulator.awsDynamoDB([
            "update-time-to-live", "--table-name", "cruddur-messages", "--time-to-live-specification",
            "Enabled=true,AttributeName=expires",
        ])
        #expect(again.status != 0)
        #expect(again.stderr.contains("ValidationException") && again.stderr.contains("TimeToLive is already enabled"))
        let disable = try emulator.awsDynamoDB([
            "update-time-to-live", "--table-name", "cruddur-messages", "--time-to-live-specification",
            "Enabled=false,AttributeName=expires",
        ])
        #expect(disable.status == 0, "\(disable.stderr)")
        #expect(try describe() == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#)
        let missing = try emulator.awsDynamoDB(["describe-time-to-live", "--table-name", "nothing-here"])
        #expect(missing.status != 0 && missing.stderr.contains("ResourceNotFoundException"))
    }
}
