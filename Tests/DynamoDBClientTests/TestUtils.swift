import CurlHTTP
import DynamoDBClient
import DynamoDBTypes
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Paths of this test target's fixtures.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures"

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
    }
}

/// A transport that records each request and answers from a script (an error or a response per request).
final class ScriptedTransport: HTTPTransport {
    private struct State {
        var script: [Result<HTTPResponse, HTTPClientError>]
        var requests: [HTTPRequest] = []
    }

    private let state: Mutex<State>

    init(_ script: [Result<HTTPResponse, HTTPClientError>]) {
        state = Mutex(State(script: script))
    }

    /// Answers every request with a 200 carrying `body`.
    convenience init(okBodies: [String]) {
        self.init(okBodies.map { .success(HTTPResponse(status: 200, body: Data($0.utf8))) })
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let next = state.withLock { state -> Result<HTTPResponse, HTTPClientError> in
            state.requests.append(request)
            guard !state.script.isEmpty else {
                return .failure(HTTPClientError(code: .transfer, message: "the script has no answer left"))
            }
            return state.script.removeFirst()
        }
        return try next.get()
    }
}

/// Records the sleeps a client asked for, without sleeping.
final class SleepRecorder: Sendable {
    private let sleeps = Mutex<[Duration]>([])

    var all: [Duration] { sleeps.withLock { $0 } }

    var sleep: @Sendable (Duration) async -> Void {
        { duration in self.sleeps.withLock { $0.append(duration) } }
    }
}

/// 2026-11-25T13:45:07Z, the time the SigV4 fixture vectors were signed at.
let fixedDate = Date(timeIntervalSince1970: 1_795_614_307)

/// A client over `transport` with the fixture credentials, a fixed clock, recorded sleeps and full jitter (1.0).
func scriptedClient(
    _ transport: ScriptedTransport, sleeps: SleepRecorder = SleepRecorder(), retry: RetryPolicy = RetryPolicy(),
    credentials: AWSCredentials? = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
) -> DynamoDBClient {
    DynamoDBClient(
        configuration: DynamoDBClientConfiguration(
            endpoint: "http://127.0.0.1:8000/", region: "us-east-1", credentials: credentials, retry: retry),
        transport: transport, sleep: sleeps.sleep, now: { fixedDate }, jitter: { 1.0 })
}

/// An HTTP answer with a JSON body.
func answer(_ status: Int, _ body: String) -> Result<HTTPResponse, HTTPClientError> {
    .success(
        HTTPResponse(
            status: status, headers: ["content-type": "application/x-amz-json-1.0"], body: Data(body.utf8)))
}
