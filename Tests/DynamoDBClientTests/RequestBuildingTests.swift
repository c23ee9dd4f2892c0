import CurlHTTP
import DynamoDBClient
import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct RequestBuildingTests {
    @Test("a PutItem is POST / with JSON 1.0 headers, a sorted compact body, and botocore's exact signature")
    func putItemRequest() async throws {
        let transport = ScriptedTransport(okBodies: ["{}"])
        let client = scriptedClient(transport)
        let output = try await client.putItem(
            PutItemInput(tableName: "cruddur-messages", item: ["sk": .s("PROFILE"), "pk": .s("USER#1")]))
        #expect(output == PutItemOutput())
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url == "http://127.0.0.1:8000/")
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"Item":{"pk":{"S":"USER#1"},"sk":{"S":"PROFILE"}},"TableName":"cruddur-messages"}"#)
        let botocore = try #require(SigV4Vector.all.first { $0.name == "PutItem to a local endpoint with a port" })
        #expect(
            request.headers == [
                HTTPHeader("Host", "127.0.0.1:8000"),
                HTTPHeader("Content-Type", "application/x-amz-json-1.0"),
                HTTPHeader("X-Amz-Target", "DynamoDB_20120810.PutItem"),
                HTTPHeader("X-Amz-Date", "20261125T134507Z"),
                HTTPHeader("Authorization", botocore.expectedAuthorization),
            ])
    }

    @Test("a session token is sent and signed")
    func sessionToken() async throws {
        let transport = ScriptedTransport(okBodies: [#"{"TableNames":["a"]}"#])
        let client = scriptedClient(
            transport, credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s", sessionToken: "tok"))
        let output = try await client.listTables(ListTablesInput())
        #expect(output.tableNames == ["a"])
        let request = try #require(transport.requests.first)
        #expect(request.header("X-Amz-Security-Token") == "tok")
        #expect(
            request.header("Authorization")?.contains(
                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,") == true)
    }

    @Test("without credentials the request goes unsigned")
    func unsigned() async throws {
        let transport = ScriptedTransport(okBodies: ["{}"])
        let client = scriptedClient(transport, credentials: nil)
        _ = try await client.deleteItem(DeleteItemInput(tableName: "t", key: ["pk": .s("a")]))
        let request = try #require(transport.requests.first)
        #expect(request.headers.map(\.name) == ["Content-Type", "X-Amz-Target"])
    }

    @Test("Streams operations use the Streams target prefix and endpoint, signed as dynamodb")
    func streamsTarget() async throws {
        let transport = ScriptedTransport(okBodies: [#"{"ShardIterator":"it-1"}"#])
        let client = DynamoDBClient(
            configuration: DynamoDBClientConfiguration(
                endpoint: "https://dynamodb.us-west-2.amazonaws.com",
                streamsEndpoint: "https://streams.dynamodb.us-west-2.amazonaws.com", region: "us-west-2",
                credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s")),
            transport: transport, now: { fixedDate })
        let output = try await client.getShardIterator(
            GetShardIteratorInput(streamArn: "arn", shardId: "shard-1", shardIteratorType: .trimHorizon))
        #expect(output.shardIterator == "it-1")
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://streams.dynamodb.us-west-2.amazonaws.com")
        #expect(request.header("Host") == "streams.dynamodb.us-west-2.amazonaws.com")
        #expect(request.header("X-Amz-Target") == "DynamoDBStreams_20120810.GetShardIterator")
        #expect(request.header("Authorization")?.contains("/20261125/us-west-2/dynamodb/aws4_request,") == true)
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"ShardId":"shard-1","ShardIteratorType":"TRIM_HORIZON","StreamArn":"arn"}"#)
    }

    struct EnvironmentCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let environment: [String: String]
        let endpoint: String
        let streamsEndpoint: String
        let region: String
    }

    @Test(
        "the configuration comes from the standard variables",
        arguments: [
            EnvironmentCase(
                testDescription: "nothing set: AWS in us-east-1", environment: [:],
                endpoint: "https://dynamodb.us-east-1.amazonaws.com",
                streamsEndpoint: "https://streams.dynamodb.us-east-1.amazonaws.com", region: "us-east-1"),
            EnvironmentCase(
                testDescription: "AWS_REGION wins over AWS_DEFAULT_REGION",
                environment: ["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-west-2"],
                endpoint: "https://dynamodb.eu-west-1.amazonaws.com",
                streamsEndpoint: "https://streams.dynamodb.eu-west-1.amazonaws.com", region: "eu-west-1"),
            EnvironmentCase(
                testDescription: "China regions use amazonaws.com.cn",
                environment: ["AWS_DEFAULT_REGION": "cn-north-1"],
                endpoint: "https://dynamodb.cn-north-1.amazonaws.com.cn",
                streamsEndpoint: "https://streams.dynamodb.cn-north-1.amazonaws.com.cn", region: "cn-north-1"),
            EnvironmentCase(
                testDescription: "AWS_ENDPOINT_URL_DYNAMODB wins over AWS_ENDPOINT_URL and serves streams too",
                environment: ["AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000", "AWS_ENDPOINT_URL": "http://x:1"],
                endpoint: "http://127.0.0.1:8000", streamsEndpoint: "http://127.0.0.1:8000", region: "us-east-1"),
            EnvironmentCase(
                testDescription: "AWS_ENDPOINT_URL alone", environment: ["AWS_ENDPOINT_URL": "http://localhost:4566"],
                endpoint: "http://localhost:4566", streamsEndpoint: "http://localhost:4566", region: "us-east-1"),
            EnvironmentCase(
                testDescription: "a streams variable wins for streams",
                environment: [
                    "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000",
                    "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": "http://127.0.0.1:8001",
                ],
                endpoint: "http://127.0.0.1:8000", streamsEndpoint: "http://127.0.0.1:8001", region: "us-east-1"),
        ])
    func environment(_ example: EnvironmentCase) {
        let configuration = DynamoDBClientConfiguration.fromEnvironment(example.environment)
        #expect(configuration.endpoint == example.endpoint)
        #expect(configuration.streamsEndpoint == example.streamsEndpoint)
        #expect(configuration.region == example.region)
        #expect(configuration.credentials == nil)
    }

    @Test("credentials come from the standard variables; an empty token is no token")
    func environmentCredentials() {
        let configuration = DynamoDBClientConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "",
        ])
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"))
        let withToken = DynamoDBClientConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "tok",
        ])
        #expect(withToken.credentials?.sessionToken == "tok")
        #expect(DynamoDBClientConfiguration.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKID"]).credentials == nil)
    }
}
