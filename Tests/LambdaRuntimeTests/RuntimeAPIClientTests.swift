import LambdaRuntime
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects what a handler saw, for assertions after the loop ends.
final class Observations<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) { values.withLock { $0.append(value) } }
    var all: [Value] { values.withLock { $0 } }
}

@Suite(.timeLimit(.minutes(1)))
struct RuntimeAPIClientTests {
    @Test("context fields come from the /next headers and the configuration; the trace ID is exported")
    func contextFromHeaders() async throws {
        let deadline = Int64(Date.now.timeIntervalSince1970 * 1000) + 20_000
        let trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"
        let api = FakeRuntimeAPI(script: [
            ScriptedInvocation(
                rawHeaders: [
                    "Lambda-Runtime-Aws-Request-Id": "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                    "Lambda-Runtime-Deadline-Ms": "\(deadline)",
                    "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:Test:live",
                    "Lambda-Runtime-Trace-Id": trace,
                    "Lambda-Runtime-Client-Context": #"{"custom":{"k":"v"}}"#,
                    "Lambda-Runtime-Cognito-Identity": #"{"cognitoIdentityId":"id-1"}"#,
                ], event: "{}"),
            ScriptedInvocation(requestID: "req-untraced", event: "{}"),
        ])
        let contexts = Observations<LambdaContext>()
        let traceEnvironment = Observations<String?>()
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address, exportsTraceID: true)),
                ClosureByteHandler { event, context in
                    contexts.append(context)
                    traceEnvironment.append(getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) })
                    return event
                })
        }
        let seen = contexts.all
        try #require(seen.count == 2)
        let context = seen[0]
        #expect(context.requestID == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        #expect(Int64((context.deadline.timeIntervalSince1970 * 1000).rounded()) == deadline)
        // remainingTime is computed when read: it must agree with the deadline now, whatever the test's own delays.
        let remaining = Double(context.remainingTime.components.seconds) + Double(context.remainingTime.components.attoseconds) / 1e18
        #expect(remaining <= 20 && abs(remaining - context.deadline.timeIntervalSinceNow) < 0.5)
        #expect(context.invokedFunctionARN == "arn:aws:lambda:us-east-1:123456789012:function:Test:live")
        #expect(context.traceID == trace)
        #expect(context.clientContext == #"{"custom":{"k":"v"}}"#)
        #expect(context.cognitoIdentity == #"{"cognitoIdentityId":"id-1"}"#)
        #expect(context.functionName == "Test")
        #expect(context.functionVersion == "$LATEST")
        #expect(context.memoryLimitInMB == 256)
        #expect(context.logGroupName == "/aws/lambda/Test")
        #expect(context.logStreamName == "2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef")
        #expect(context.logger[metadataKey: "requestID"] == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        #expect(traceEnvironment.all == [trace, nil])
        #expect(seen[1].traceID == nil)
        #expect(seen[1].clientContext == nil)
    }

    @Test("several invocations reuse one keep-alive connection")
    func keepAlive() async throws {
        let api = FakeRuntimeAPI(script: (1...5).map { ScriptedInvocation(requestID: "req-\($0)", event: "\($0)") })
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)), ClosureByteHandler { event, _ in event })
        }
        let requests = api.requests
        #expect(requests.count == 11)
        #expect(api.posts.map(\.text) == ["1", "2", "3", "4", "5"])
        let ports = Set(requests.map(\.remotePort))
        #expect(ports.count == 1)
        #expect(ports.first != nil)
    }

    @Test("bodies over 1 KB are posted at once, without Expect: 100-continue")
    func largeBodies() async throws {
        let size = 256 * 1024
        let api = FakeRuntimeAPI(script: (1...3).map { ScriptedInvocation(requestID: "big-\($0)", event: "\($0)") })
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureByteHandler { _, _ in Data(repeating: UInt8(ascii: "x"), count: size) })
        }
        let posts = api.posts
        #expect(posts.count == 3)
        // With libcurl's default Expect: 100-continue each POST would wait a second for an interim answer.
        #expect(posts.allSatisfy { $0.body.count == size && $0.headers["expect"] == nil })
    }

    @Test("a rejected /response or /error is logged and the loop goes on")
    func rejectedAnswersContinue() async throws {
        let api = FakeRuntimeAPI(script: [
            ScriptedInvocation(requestID: "rejected-error", event: "fail", answerStatus: 400),
            ScriptedInvocation(requestID: "rejected-response", event: "a", answerStatus: 413),
            ScriptedInvocation(requestID: "accepted", event: "b"),
        ])
        let stop = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureByteHandler { event, _ in
                    if event == Data("fail".utf8) {
                        throw GreetingFailure(name: "fail")
                    }
                    return event
                })
        }
        #expect(stop.code == .unexpectedStatus)
        #expect(
            api.posts.map(\.path) == [
                "/2018-06-01/runtime/invocation/rejected-error/error",
                "/2018-06-01/runtime/invocation/rejected-response/response",
                "/2018-06-01/runtime/invocation/accepted/response",
            ])
    }

    @Test(
        "an invocation without its required headers ends the loop with a clear error",
        arguments: [
            (
                ["Lambda-Runtime-Deadline-Ms": "1542409706888"],
                #"the Runtime API's /next answer has no "Lambda-Runtime-Aws-Request-Id" header"#
            ),
            (
                ["Lambda-Runtime-Aws-Request-Id": "req-x"],
                #"the Runtime API's /next answer for request "req-x" has no "Lambda-Runtime-Deadline-Ms" header"#
            ),
            (
                ["Lambda-Runtime-Aws-Request-Id": "req-x", "Lambda-Runtime-Deadline-Ms": "soon"],
                #"the Runtime API's /next answer for request "req-x" has Lambda-Runtime-Deadline-Ms "soon"; "#
                    + "expected milliseconds since the epoch"
            ),
        ])
    func missingHeaders(headers: [String: String], message: String) async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(rawHeaders: headers, event: "{}")])
        let stop = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)), ClosureByteHandler { event, _ in event })
        }
        #expect(stop.code == .invalidInvocation)
        #expect(stop.message == message)
        #expect(api.posts.isEmpty)
    }

    @Test("an unreachable Runtime API is a transport error naming the URL")
    func unreachable() async throws {
        // Port 9 (discard) on loopback has no listener here.
        let stop = await runUntilStopped(
            LambdaRuntime(configuration: testConfiguration("127.0.0.1:9")), ClosureByteHandler { event, _ in event })
        #expect(stop.code == .transport)
        #expect(stop.message.hasPrefix("GET http://127.0.0.1:9/2018-06-01/runtime/invocation/next failed: "))
    }
}
