import LambdaRuntime
import Logging
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A log handler that appends `"level: message"` lines, with the `requestID` and `status` metadata and what
/// `note` says at that moment, to a list.
struct RecordingLogHandler: LogHandler {
    let lines: Observations<String>
    let note: @Sendable () -> String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append(
            "\(event.level): \(event.message) requestID=\(all["requestID"] ?? "-") status=\(all["status"] ?? "-") "
                + note())
    }
}

@Suite(.timeLimit(.minutes(1)))
struct InvocationCycleTests {
    @Test("each result is posted before the next /next, for responses and errors alike")
    func requestOrder() async throws {
        let api = FakeRuntimeAPI(script: [
            ScriptedInvocation(requestID: "r1", event: "a"),
            ScriptedInvocation(requestID: "r2", event: "fail"),
            ScriptedInvocation(requestID: "r3", event: "c"),
        ])
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureByteHandler { event, _ in
                    if event == Data("fail".utf8) {
                        throw GreetingFailure(name: "r2")
                    }
                    return event
                })
        }
        let next = "GET /2018-06-01/runtime/invocation/next"
        #expect(
            api.requests.map { "\($0.method) \($0.path)" } == [
                next, "POST /2018-06-01/runtime/invocation/r1/response",
                next, "POST /2018-06-01/runtime/invocation/r2/error",
                next, "POST /2018-06-01/runtime/invocation/r3/response",
                next,
            ])
        // Checked without subscripts: when the order above is wrong, this reports it instead of crashing the run.
        #expect(api.posts.map(\.text).first == "a")
        #expect(api.posts.map(\.text).dropFirst(2).first == "c")
        #expect(Set(api.requests.map(\.remotePort)).count == 1)
    }

    @Test("a rejected /response is logged before the next /next is sent")
    func rejectionLoggedBeforeNextPoll() async throws {
        let api = FakeRuntimeAPI(script: [
            ScriptedInvocation(requestID: "too-big", event: "a", answerStatus: 413),
            ScriptedInvocation(requestID: "fine", event: "b"),
        ])
        let lines = Observations<String>()
        var logger = Logger(label: "test") { _ in
            RecordingLogHandler(lines: lines) { "after \(api.requests.count) requests" }
        }
        logger.logLevel = .warning
        let runtimeLogger = logger
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address), logger: runtimeLogger),
                ClosureByteHandler { event, context in
                    lines.append("handled \(String(decoding: event, as: UTF8.self)) for \(context.requestID)")
                    return event
                })
        }
        #expect(
            lines.all == [
                "handled a for too-big",
                "error: the Runtime API rejected the response requestID=too-big status=413 after 2 requests",
                "handled b for fine",
            ])
    }

    @Test("events of any size arrive intact and are posted back unchanged", arguments: [0, 1, 1500, 3 * 1024 * 1024])
    func eventSizes(size: Int) async throws {
        let event = String(String(repeating: "abcdefghijklmnopqrstuvwxyz", count: size / 26 + 1).prefix(size))
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "sized", event: event)])
        let received = Observations<Int>()
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureByteHandler { event, _ in
                    received.append(event.count)
                    return event
                })
        }
        #expect(received.all == [size])
        let post = try #require(api.posts.first)
        #expect(post.headers["content-length"] == "\(size)")
        #expect(post.text == event)
    }
}
