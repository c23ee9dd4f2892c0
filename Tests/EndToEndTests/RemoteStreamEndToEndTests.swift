import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A mapping that follows another endpoint's stream: moto_server holds the table, `lambda-local start
/// --streams-endpoint` reads its stream through the DynamoDB Streams API and invokes the local function.
@Suite(.timeLimit(.minutes(3)))
struct RemoteStreamEndToEndTests {
    static let template = "\(Paths.packageRoot)/Tests/EndToEndTests/Fixtures/remote-streams/template.json"

    /// A free loopback port (bound and released; moto_server needs a number).
    static func freePort() throws -> Int {
        let script = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
        let result = try run("/usr/bin/env", ["python3", "-c", script])
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Runs a boto3 snippet against `endpoint` (`client` is a dynamodb client) and returns what it printed.
    static func boto3(_ endpoint: String, _ body: String) throws -> String {
        let script = """
            import boto3, sys
            client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                                  aws_access_key_id="test", aws_secret_access_key="test")

            """ + body
        let result = try run("/usr/bin/env", ["python3", "-c", script, endpoint])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("records written to a moto_server table reach the local function through the Streams API")
    func followsMotoStream() throws {
        let directory = try TemporaryDirectory()
        let port = try Self.freePort()
        let moto = try SpawnedProcess(
            "/usr/bin/env", ["moto_server", "-H", "127.0.0.1", "-p", String(port)], stdin: nil,
            stdout: directory.path + "/moto.log", stderr: directory.path + "/moto.log")
        defer {
            moto.signal(SIGKILL)
            _ = moto.wait()
        }
        let endpoint = "http://127.0.0.1:\(port)"
        let up = StreamTriggerEndToEndTests.eventually(20) {
            (try? run("/usr/bin/env", ["curl", "-s", "-o", "/dev/null", endpoint]))?.status == 0
        }
        try #require(up, "moto_server did not start")
        let streamARN = try Self.boto3(
            endpoint,
            """
            table = client.create_table(
                TableName="remote-events", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
                StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
            client.put_item(TableName="remote-events", Item={"pk": {"S": "before-start"}})
            print(table["TableDescription"]["LatestStreamArn"])
            """)

        let probeLog = directory.path + "/probe.log"
        let emulator = try RunningEmulator(
            template: Self.template, stateDirectory: directory.path + "/state",
            extraArguments: [
                "--streams-endpoint", endpoint, "--parameter-overrides", "RemoteStreamArn=\(streamARN)",
                "--parameter-overrides", "ProbeLogPath=\(probeLog)",
            ])
        _ = try Self.boto3(endpoint, #"client.put_item(TableName="remote-events", Item={"pk": {"S": "after-start"}})"#)

        func delivered() -> [String] {
            ((try? String(contentsOfFile: probeLog, encoding: .utf8)) ?? "").split(separator: "\n").flatMap {
                ((try? jsonObject(String($0)))?["sequenceNumbers"] as? [String]) ?? []
            }
        }
        #expect(StreamTriggerEndToEndTests.eventually(20) { delivered().count == 2 }, "\(emulator.log)")
        #expect(emulator.log.contains("lambda-local: event source mappings: RemoteProbe.Remote"))
        #expect(emulator.log.contains("RemoteProbe.Remote: "))
        #expect(Set(delivered()).count == 2)
    }
}
