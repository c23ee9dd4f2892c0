import CurlHTTP
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Runtime API loop: fetches each invocation, runs the handler, and posts its response or error.
///
/// `main.swift` normally calls a static `LambdaRuntime.run`, which reads the environment and exits on failure;
/// an instance, built from an explicit configuration, throws instead (for tests and embedding).
public struct LambdaRuntime: Sendable {
    /// Where the Runtime API is and what the function is called.
    public let configuration: RuntimeConfiguration
    /// The runtime's own logger; each invocation's logger derives from it.
    public let logger: Logger

    /// Creates a runtime; `logger` defaults to one writing to stderr at `configuration.logLevel`.
    public init(configuration: RuntimeConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        self.logger = logger ?? Self.makeLogger(configuration: configuration)
    }

    /// Serves invocations with a handler built by `makeHandler`.
    ///
    /// A factory that throws is reported to `POST /runtime/init/error` before this throws.
    /// - Throws: `LambdaRuntimeError` when initialization fails, when `/next` answers other than 200, when an
    ///   invocation lacks its required headers, or when the Runtime API cannot be reached. It never returns.
    public func run<Handler: ByteLambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler
    ) async throws(LambdaRuntimeError) -> Never {
        let client = try RuntimeAPIClient(runtimeAPI: configuration.runtimeAPI)
        let handler: Handler
        do {
            handler = try await makeHandler(LambdaInitializationContext(configuration: configuration, logger: logger))
        } catch {
            try await reportInitializationError(error, client: client)
        }
        try await serve(handler, client: client)
    }

    /// Serves invocations with a handler built by `makeHandler`, decoding events and encoding outputs as JSON.
    /// - Throws: as `run(makeHandler:)` for byte handlers.
    public func run<Handler: LambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler
    ) async throws(LambdaRuntimeError) -> Never {
        try await run { context in CodableHandlerAdapter(handler: try await makeHandler(context)) }
    }

    /// Serves invocations with `handler`.
    /// - Throws: as `run(makeHandler:)`; it never returns.
    public func run(_ handler: some ByteLambdaHandler) async throws(LambdaRuntimeError) -> Never {
        try await run { _ in handler }
    }

    /// Serves invocations with `handler`, decoding events and encoding outputs as JSON.
    /// - Throws: as `run(makeHandler:)`; it never returns.
    public func run(_ handler: some LambdaHandler) async throws(LambdaRuntimeError) -> Never {
        try await run { _ in CodableHandlerAdapter(handler: handler) }
    }

    /// Serves invocations until the Runtime API ends the loop.
    ///
    /// Each result is posted and the next event fetched in one call on the client's thread, so an invocation
    /// crosses threads twice: its result to the client, the next event back to the handler.
    private func serve(_ handler: some ByteLambdaHandler, client: RuntimeAPIClient) async throws(LambdaRuntimeError)
        -> Never
    {
        let traceIDVariable = configuration.exportsTraceID ? TraceIDVariable() : nil
        var answer = try await client.next()
        while true {
            let invocation = try Self.invocation(from: answer)
            traceIDVariable?.set(invocation.traceID)
            let context = makeContext(for: invocation)
            let requestID = invocation.requestID
            let output: Data
            do {
                output = try await handler.handle(invocation.event, context: context)
            } catch {
                context.logger.debug("handler failed", metadata: ["error": "\(error)"])
                let (headerType, body) = Self.errorReport(for: error)
                answer = try await client.postThenNext(
                    RuntimeAPI.Path.error(requestID: requestID),
                    body: body,
                    headers: ["\(RuntimeAPI.Header.functionErrorType): \(headerType)", "Content-Type: application/json"]
                ) { posted in logRejection(posted, of: "error", for: requestID) }
                continue
            }
            answer = try await client.postThenNext(RuntimeAPI.Path.response(requestID: requestID), body: output) {
                posted in logRejection(posted, of: "response", for: requestID)
            }
        }
    }

    /// The invocation in a `/next` answer.
    /// - Throws: `LambdaRuntimeError` `.unexpectedStatus` for a status other than 200, `.invalidInvocation` when
    ///   required headers are missing.
    private static func invocation(from answer: HTTPResponse) throws(LambdaRuntimeError) -> Invocation {
        guard answer.status == 200 else {
            let body = String(decoding: answer.body.prefix(500), as: UTF8.self)
            throw LambdaRuntimeError(
                code: .unexpectedStatus,
                message: "the Runtime API answered GET \(RuntimeAPI.Path.next) with status \(answer.status): \(body)"
            )
        }
        return try Invocation(headers: answer.headers, event: answer.body)
    }

    private func reportInitializationError(_ error: any Error, client: RuntimeAPIClient)
        async throws(LambdaRuntimeError)
        -> Never
    {
        let (headerType, body) = Self.errorReport(for: error)
        let description = "handler initialization failed: \(type(of: error)): \(error)"
        let answer: HTTPResponse
        do {
            answer = try await client.post(
                RuntimeAPI.Path.initError,
                body: body,
                headers: ["\(RuntimeAPI.Header.functionErrorType): \(headerType)", "Content-Type: application/json"]
            )
        } catch {
            throw LambdaRuntimeError(
                code: .initializationFailed,
                message: "\(description) (reporting it failed too: \(error.message))",
                underlying: error
            )
        }
        logRejection(answer, of: "init error", for: nil)
        throw LambdaRuntimeError(code: .initializationFailed, message: description, underlying: error)
    }

    private func makeContext(for invocation: Invocation) -> LambdaContext {
        var logger = logger
        logger[metadataKey: "requestID"] = .string(invocation.requestID)
        return LambdaContext(
            requestID: invocation.requestID,
            deadline: invocation.deadline,
            invokedFunctionARN: invocation.invokedFunctionARN,
            traceID: invocation.traceID,
            clientContext: invocation.clientContext,
            cognitoIdentity: invocation.cognitoIdentity,
            functionName: configuration.functionName,
            functionVersion: configuration.functionVersion,
            memoryLimitInMB: configuration.memoryLimitInMB,
            logGroupName: configuration.logGroupName,
            logStreamName: configuration.logStreamName,
            logger: logger
        )
    }

    /// A rejected `/response` or `/error` is the Runtime API's verdict on one invocation: log it and go on.
    private func logRejection(_ answer: HTTPResponse, of kind: String, for requestID: String?) {
        guard !(200..<300).contains(answer.status) else { return }
        var metadata: Logger.Metadata = [
            "status": "\(answer.status)", "body": "\(String(decoding: answer.body.prefix(500), as: UTF8.self))",
        ]
        if let requestID {
            metadata["requestID"] = "\(requestID)"
        }
        logger.error("the Runtime API rejected the \(kind)", metadata: metadata)
    }

    static func makeLogger(configuration: RuntimeConfiguration) -> Logger {
        let label = configuration.functionName.isEmpty ? "LambdaRuntime" : configuration.functionName
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = configuration.logLevel
        return logger
    }
}
