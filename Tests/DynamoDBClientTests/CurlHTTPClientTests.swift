import CurlHTTP
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The libcurl pool against the live emulator's DynamoDB endpoint.
@Suite(.timeLimit(.minutes(1)))
struct CurlHTTPClientTests {
    let emulator: LiveEmulator

    init() throws {
        emulator = try LiveEmulator()
    }

    private func listTables() -> HTTPRequest {
        HTTPRequest(
            method: .post, url: emulator.endpoint,
            headers: [
                HTTPHeader("Content-Type", "application/x-amz-json-1.0"),
                HTTPHeader("X-Amz-Target", "DynamoDB_20120810.ListTables"),
            ],
            body: Data("{}".utf8))
    }

    @Test("sequential requests reuse one keep-alive connection; answers carry status, lowercased headers and body")
    func sequentialReuse() async throws {
        let client = CurlHTTPClient()
        for _ in 0..<10 {
            let response = try await client.send(listTables())
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/x-amz-json-1.0")
            #expect(response.headers["x-amzn-requestid"]?.count == 52)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"TableNames":["client-notes"]}"#)
        }
        #expect(client.connectionCount == 1)
    }

    @Test("concurrent requests open at most maximumConnections connections")
    func concurrentPool() async throws {
        let client = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(maximumConnections: 3))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask { try await client.send(self.listTables()).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 24))
        #expect((1...3).contains(client.connectionCount))
    }

    @Test("a GET and a header with a line break: the GET is answered, the bad header refused before sending")
    func getAndInvalidHeader() async throws {
        let client = CurlHTTPClient()
        let get = try await client.send(HTTPRequest(method: .get, url: emulator.endpoint + "/"))
        #expect(get.status != 0)
        let bad = HTTPRequest(method: .post, url: emulator.endpoint, headers: [HTTPHeader("X-Bad", "a\r\nInjected: 1")])
        await #expect(
            throws: HTTPClientError(
                code: .invalidRequest, message: "POST \(emulator.endpoint): header \"X-Bad\" contains a line break")
        ) {
            try await client.send(bad)
        }
    }
}
