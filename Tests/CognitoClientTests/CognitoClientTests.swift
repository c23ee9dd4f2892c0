import AWSRequest
import CognitoClient
import CurlHTTP
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A transport that records each request and answers from a list, in order.
final class ScriptedTransport: HTTPTransport {
    private let state: Mutex<(requests: [HTTPRequest], answers: [Result<HTTPResponse, HTTPClientError>])>

    init(_ answers: [Result<HTTPResponse, HTTPClientError>]) {
        state = Mutex(([], answers))
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let answer = state.withLock { state -> Result<HTTPResponse, HTTPClientError> in
            state.requests.append(request)
            return state.answers.isEmpty
                ? .failure(HTTPClientError(code: .transfer, message: "no answer scripted")) : state.answers.removeFirst()
        }
        return try answer.get()
    }
}

func json(_ status: Int, _ text: String) -> Result<HTTPResponse, HTTPClientError> {
    .success(HTTPResponse(status: status, body: Data(text.utf8)))
}

let fixedDate = Date(timeIntervalSince1970: 1_764_078_307)  // 2025-11-25T13:45:07Z

struct CognitoClientTests {
    func client(_ transport: ScriptedTransport, credentials: AWSCredentials? = nil) -> CognitoClient {
        CognitoClient(
            endpoint: "http://127.0.0.1:5000", region: "us-east-1", credentials: credentials, transport: transport,
            now: { fixedDate })
    }

    @Test("ListUsers is a signed AWS JSON 1.1 POST naming the operation and the pool")
    func requestShape() async throws {
        let transport = ScriptedTransport([json(200, #"{"Users": []}"#)])
        _ = try await client(transport, credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s"))
            .listUsers(userPoolID: "us-east-1_abc", paginationToken: "next")
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url == "http://127.0.0.1:5000")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.header("X-Amz-Target") == "AWSCognitoIdentityProviderService.ListUsers")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"PaginationToken":"next","UserPoolId":"us-east-1_abc"}"#)
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID/20251125/us-east-1/cognito-idp/aws4_request, "))
        #expect(request.header("X-Amz-Date") == "20251125T134507Z")
    }

    @Test("allUsers follows PaginationToken until the last page and keeps every user in order")
    func pages() async throws {
        let transport = ScriptedTransport([
            json(
                200,
                #"{"Users": [{"Username": "a", "Attributes": [{"Name": "sub", "Value": "s-a"}]}], "PaginationToken": "t1"}"#
            ),
            json(200, #"{"Users": [{"Username": "b"}], "PaginationToken": "t2"}"#),
            json(200, #"{"Users": [{"Username": "c", "Attributes": [{"Name": "preferred_username", "Value": "cc"}]}]}"#),
        ])
        let users = try await client(transport).allUsers(userPoolID: "pool")
        #expect(users.map(\.username) == ["a", "b", "c"])
        #expect(users[0].attribute("sub") == "s-a")
        #expect(users[1].attributes.isEmpty)
        #expect(users[2].attribute("preferred_username") == "cc")
        let tokens = try transport.requests.map {
            try JSONDecoder().decode([String: String].self, from: $0.body)["PaginationToken"]
        }
        #expect(tokens == [nil, "t1", "t2"])
        #expect(transport.requests.allSatisfy { $0.header("Authorization") == nil }, "no credentials: unsigned")
    }

    @Test("Cognito's error body becomes .service with the code after '#' and the message")
    func serviceError() async throws {
        let transport = ScriptedTransport([
            json(400, #"{"__type": "com.amazonaws#ResourceNotFoundException", "message": "User pool x does not exist."}"#)
        ])
        let error = await #expect(throws: CognitoClientError.self) {
            try await client(transport).listUsers(userPoolID: "x")
        }
        #expect(error == .service(code: "ResourceNotFoundException", message: "User pool x does not exist."))
        #expect(error?.description == "ResourceNotFoundException: User pool x does not exist.")
    }

    @Test("No answer is .unreachable naming the endpoint; a non-Cognito answer is .invalidResponse")
    func transportAndShapeErrors() async throws {
        let down = ScriptedTransport([
            .failure(HTTPClientError(code: .transfer, message: "POST http://127.0.0.1:5000 failed: Connection refused"))
        ])
        let unreachable = await #expect(throws: CognitoClientError.self) {
            try await client(down).listUsers(userPoolID: "x")
        }
        #expect(
            unreachable?.description
                == "Cognito at http://127.0.0.1:5000 cannot be reached: POST http://127.0.0.1:5000 failed: Connection refused")
        let html = ScriptedTransport([json(502, "<html>bad gateway</html>")])
        let invalid = await #expect(throws: CognitoClientError.self) {
            try await client(html).listUsers(userPoolID: "x")
        }
        #expect(invalid == .invalidResponse(#"HTTP 502 without a Cognito error body: "<html>bad gateway</html>""#))
    }

    @Test("the endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, then AWS_ENDPOINT_URL, then the region")
    func endpointFromEnvironment() {
        let specific = AWSEnvironment([
            "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2",
        ])
        #expect(CognitoClient(environment: specific).endpoint == "http://127.0.0.1:1")
        #expect(CognitoClient(environment: AWSEnvironment(["AWS_ENDPOINT_URL": "http://127.0.0.1:2"])).endpoint == "http://127.0.0.1:2")
        let regional = CognitoClient(environment: AWSEnvironment(["AWS_REGION": "eu-west-2"]))
        #expect(regional.endpoint == "https://cognito-idp.eu-west-2.amazonaws.com")
        #expect(regional.region == "eu-west-2")
        #expect(CognitoClient(endpoint: "http://127.0.0.1:3", environment: specific).endpoint == "http://127.0.0.1:3")
    }
}
