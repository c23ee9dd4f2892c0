import LambdaRuntime
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Person: Decodable {
    let name: String
    let age: Int
}

struct Greeting: Encodable {
    let message: String
}

struct GreetingFailure: Error, CustomStringConvertible {
    let name: String
    var description: String { "cannot greet \"\(name)\"" }
}

/// Greets a person, or fails for the name "Nobody".
struct GreetingHandler: LambdaHandler {
    func handle(_ event: Person, context: LambdaContext) async throws -> Greeting {
        if event.name == "Nobody" {
            throw GreetingFailure(name: event.name)
        }
        return Greeting(message: "Hello \(event.name), \(event.age)")
    }
}

@Suite(.timeLimit(.minutes(1)))
struct LambdaRuntimeTests {
    @Test("a typed handler's output is posted to /response as JSON")
    func typedSuccess() async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-1", event: #"{"name":"Ada","age":36}"#)])
        let stop = try await api.serve { address in
            await runUntilStopped(LambdaRuntime(configuration: testConfiguration(address)), GreetingHandler())
        }
        #expect(stop.code == .unexpectedStatus)
        let post = try #require(api.posts.first)
        #expect(api.posts.count == 1)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-1/response")
        #expect(post.text == #"{"message":"Hello Ada, 36"}"#)
        #expect(post.headers["content-type"] == nil)
        #expect(post.headers["expect"] == nil)
    }

    @Test("a thrown error is posted to /error with its type name and description")
    func thrownError() async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-2", event: #"{"name":"Nobody","age":1}"#)])
        _ = try await api.serve { address in
            await runUntilStopped(LambdaRuntime(configuration: testConfiguration(address)), GreetingHandler())
        }
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-2/error")
        #expect(
            post.text == #"{"errorMessage":"cannot greet \"Nobody\"","errorType":"GreetingFailure","stackTrace":[]}"#)
        #expect(post.headers["lambda-runtime-function-error-type"] == "Unhandled")
        #expect(post.headers["content-type"] == "application/json")
    }

    @Test(
        "an undecodable event is a Runtime.UnmarshalError naming the problem and its path",
        arguments: [
            (#"{"name":"Ada"}"#, #"Could not decode the event as Person: missing key \"age\" at $"#),
            (
                #"{"name":"Ada","age":null}"#,
                #"Could not decode the event as Person: expected Int but found null at $.age"#
            ),
            (#"{"name":"Ada","age":"old"}"#, #"Could not decode the event as Person: expected Int at $.age: "#),
            ("not json", #"Could not decode the event as Person: invalid data at $: "#),
        ])
    func unmarshalError(event: String, messagePrefix: String) async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-3", event: event)])
        _ = try await api.serve { address in
            await runUntilStopped(LambdaRuntime(configuration: testConfiguration(address)), GreetingHandler())
        }
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-3/error")
        #expect(post.headers["lambda-runtime-function-error-type"] == "Runtime.UnmarshalError")
        #expect(post.text.hasPrefix(#"{"errorMessage":""# + messagePrefix))
        #expect(post.text.hasSuffix(#"","errorType":"Runtime.UnmarshalError","stackTrace":[]}"#))
    }

    @Test("an output that cannot be encoded is a Runtime.MarshalError")
    func marshalError() async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-4", event: "{}")])
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureHandler { (_: [String: String], _) in Double.infinity })
        }
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-4/error")
        #expect(post.headers["lambda-runtime-function-error-type"] == "Runtime.MarshalError")
        #expect(
            post.text.hasPrefix(#"{"errorMessage":"Could not encode the output of type Double: invalid value at $: "#))
        #expect(post.text.hasSuffix(#"","errorType":"Runtime.MarshalError","stackTrace":[]}"#))
    }

    @Test("a handler factory that throws is reported to /init/error and no invocation is fetched")
    func initializationFailure() async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-5", event: "{}")])
        let stop = try await api.serve { address in
            do throws(LambdaRuntimeError) {
                try await LambdaRuntime(configuration: testConfiguration(address)).run { _ throws -> GreetingHandler in
                    throw GreetingFailure(name: "init")
                }
            } catch {
                return error
            }
        }
        #expect(stop.code == .initializationFailed)
        #expect(stop.message == #"handler initialization failed: GreetingFailure: cannot greet "init""#)
        #expect(api.requests.count == 1)
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/init/error")
        #expect(post.text == #"{"errorMessage":"cannot greet \"init\"","errorType":"GreetingFailure","stackTrace":[]}"#)
        #expect(post.headers["lambda-runtime-function-error-type"] == "Unhandled")
    }

    @Test("a raw handler gets the event bytes and its bytes are posted unchanged")
    func rawHandler() async throws {
        let event = "not JSON \u{00E9}\n"
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-6", event: event)])
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                ClosureByteHandler { event, _ in Data(event.reversed()) })
        }
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-6/response")
        #expect(post.body == Array(event.utf8).reversed())
    }

    @Test("a handler returning nothing posts an empty body")
    func emptyOutput() async throws {
        let api = FakeRuntimeAPI(script: [ScriptedInvocation(requestID: "req-7", event: #"{"name":"Ada","age":36}"#)])
        _ = try await api.serve { address in
            await runUntilStopped(
                LambdaRuntime(configuration: testConfiguration(address)),
                VoidClosureHandler { (_: Person, _) in })
        }
        let post = try #require(api.posts.first)
        #expect(post.path == "/2018-06-01/runtime/invocation/req-7/response")
        #expect(post.body.isEmpty)
        #expect(post.headers["content-length"] == "0")
    }

    @Test("a non-200 answer to /next ends the loop with its status and body")
    func nextFailureEndsLoop() async throws {
        let api = FakeRuntimeAPI(script: [])
        let stop = try await api.serve { address in
            await runUntilStopped(LambdaRuntime(configuration: testConfiguration(address)), GreetingHandler())
        }
        #expect(stop.code == .unexpectedStatus)
        #expect(
            stop.message
                == "the Runtime API answered GET /2018-06-01/runtime/invocation/next with status 500: "
                + FakeRuntimeAPI.exhaustedMessage)
    }
}
