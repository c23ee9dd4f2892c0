import Hummingbird
import LambdaRuntime
import Logging
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One invocation the fake Runtime API hands out on `/next`.
struct ScriptedInvocation: Sendable {
    var event: String
    /// The `/next` answer's headers; the default carries the request ID, a deadline 30 s ahead and an ARN.
    var headers: [String: String]
    /// The status the fake answers this invocation's `/response` or `/error` with.
    var answerStatus: Int = 202

    init(requestID: String, event: String, extraHeaders: [String: String] = [:], answerStatus: Int = 202) {
        let deadline = Int64(Date.now.timeIntervalSince1970 * 1000) + 30_000
        self.event = event
        self.headers = [
            "Lambda-Runtime-Aws-Request-Id": requestID,
            "Lambda-Runtime-Deadline-Ms": "\(deadline)",
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:000000000000:function:Test",
        ].merging(extraHeaders) { _, new in new }
        self.answerStatus = answerStatus
    }

    init(rawHeaders: [String: String], event: String) {
        self.event = event
        self.headers = rawHeaders
    }
}

/// A request the fake Runtime API received.
struct RecordedRequest: Sendable {
    let method: String
    let path: String
    /// Header values by lowercased name.
    let headers: [String: String]
    let body: [UInt8]
    /// The client's TCP port: equal ports mean one reused connection.
    let remotePort: Int?

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Request context that remembers the client's port.
struct RecordingContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remotePort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remotePort = source.channel.remoteAddress?.port
    }

    var maxUploadSize: Int { 16 * 1024 * 1024 }
}

/// An in-process Runtime API that serves a script of invocations, answers `/next` with 500 once the script is
/// exhausted (which ends the runtime's loop), and records every request.
final class FakeRuntimeAPI: Sendable {
    static let exhaustedMessage =
        #"{"errorMessage":"Container error. Non-recoverable state. Runtime should exit promptly","#
        + #""errorType":"Test.Done"}"#

    private struct State {
        var script: [ScriptedInvocation]
        var answerStatuses: [String: Int] = [:]
        var requests: [RecordedRequest] = []
    }

    private let state: Mutex<State>

    init(script: [ScriptedInvocation]) {
        state = Mutex(State(script: script))
    }

    /// Every request received so far, in order.
    var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The requests other than `GET /next`.
    var posts: [RecordedRequest] { requests.filter { $0.method == "POST" } }

    /// Runs the server on 127.0.0.1 at a free port and calls `body` with `host:port`, then stops the server.
    func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "FakeRuntimeAPI")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            defer { group.cancelAll() }
            return try await body("127.0.0.1:\(port)")
        }
    }

    private func router() -> Router<RecordingContext> {
        let router = Router(context: RecordingContext.self)
        router.get("/2018-06-01/runtime/invocation/next") { request, context in
            _ = try await self.record(request, context)
            let next = self.state.withLock { state -> ScriptedInvocation? in
                guard !state.script.isEmpty else { return nil }
                let next = state.script.removeFirst()
                if let requestID = next.headers["Lambda-Runtime-Aws-Request-Id"] {
                    state.answerStatuses[requestID] = next.answerStatus
                }
                return next
            }
            guard let next else {
                return Response(
                    status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: Self.exhaustedMessage)))
            }
            var fields = HTTPFields()
            for (name, value) in next.headers {
                fields[.init(name)!] = value
            }
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: next.event)))
        }
        for kind in ["response", "error"] {
            router.post("/2018-06-01/runtime/invocation/:id/\(kind)") { request, context in
                _ = try await self.record(request, context)
                let requestID = context.parameters.get("id") ?? ""
                let status = self.state.withLock { $0.answerStatuses[requestID] } ?? 400
                return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: "{}")))
            }
        }
        router.post("/2018-06-01/runtime/init/error") { request, context in
            _ = try await self.record(request, context)
            return Response(status: .accepted, body: .init(byteBuffer: ByteBuffer(string: #"{"status":"OK"}"#)))
        }
        return router
    }

    private func record(_ request: Request, _ context: RecordingContext) async throws -> RecordedRequest {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        let recorded = RecordedRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            headers: headers,
            body: Array(body.readableBytesView),
            remotePort: context.remotePort
        )
        state.withLock { $0.requests.append(recorded) }
        return recorded
    }
}

/// A configuration for the fake Runtime API at `address`, with fixed function metadata and quiet logs.
func testConfiguration(_ address: String, exportsTraceID: Bool = false) -> RuntimeConfiguration {
    RuntimeConfiguration(
        runtimeAPI: address,
        functionName: "Test",
        functionVersion: "$LATEST",
        memoryLimitInMB: 256,
        logGroupName: "/aws/lambda/Test",
        logStreamName: "2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef",
        logLevel: .warning,
        exportsTraceID: exportsTraceID
    )
}

/// Runs the loop until it stops (the fake answers `/next` with 500 after its script) and returns why it stopped.
func runUntilStopped(_ runtime: LambdaRuntime, _ handler: some ByteLambdaHandler) async -> LambdaRuntimeError {
    do throws(LambdaRuntimeError) {
        try await runtime.run(handler)
    } catch {
        return error
    }
}

/// As `runUntilStopped(_:_:)` for a JSON handler.
func runUntilStopped(_ runtime: LambdaRuntime, _ handler: some LambdaHandler) async -> LambdaRuntimeError {
    do throws(LambdaRuntimeError) {
        try await runtime.run(handler)
    } catch {
        return error
    }
}
