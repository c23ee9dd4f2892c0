import FunctionRunner
import DynamoDBEndpoint
import StreamTriggers
import Foundation
import Hummingbird
import HTTPServing
import HTTPTypes
import Logging
import NIOCore

/// Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`), as `sam local start-lambda` serves it:
/// the AWS CLI and SDKs invoke the template's functions through it unchanged.
public struct InvokeAPIServer: Sendable {
    let registry: FunctionRegistry
    let region: String
    let accountID: String
    let console: Console
    /// The running event source mappings, served by the event-source-mappings routes and `/lambda-local/status`.
    let mappings: MappingHost?
    /// The durable queue `Event` invocations are accepted into (run by ``AsyncDispatcher``).
    let events: AsyncEventStore
    let started = Date()

    /// A server over `registry`'s functions (and `mappings`, when the emulator runs any).
    init(
        registry: FunctionRegistry, region: String, accountID: String, console: Console, events: AsyncEventStore,
        mappings: MappingHost? = nil
    ) {
        self.events = events
        self.registry = registry
        self.region = region
        self.accountID = accountID
        self.console = console
        self.mappings = mappings
    }

    /// The Hummingbird application listening on `host:port`, logging to `logger`, closing connections idle for
    /// `idleTimeout`; `onListening` gets the bound port. Paths and methods Lambda does not serve are its
    /// `UnknownOperationException`.
    public func application(
        host: String, port: Int, idleTimeout: Duration = HTTP1Server.defaultIdleTimeout, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(
            middleware: UnknownRouteMiddleware { request in
                Self.errorResponse(.unknownOperation(method: request.method.rawValue, path: request.uri.path))
            })
        router.post("/2015-03-31/functions/:name/invocations") { request, context -> Response in
            let name = try context.parameters.require("name")
            do {
                return try await invoke(name: name, request: request)
            } catch let error as InvokeAPIError {
                return Self.errorResponse(error)
            }
        }
        addMappingRoutes(to: router)
        addFunctionRoutes(to: router)
        return Application(
            router: router,
            server: HTTP1Server.builder(idleTimeout: idleTimeout),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// The pool serving the path's `name` (a name, logical ID, partial or full ARN, percent-encoded or not), and the
    /// qualifier the caller gave (`Qualifier` or the ARN's suffix; `$LATEST` is the only one there is).
    func function(named name: String, request: Request) throws(InvokeAPIError) -> (
        pool: FunctionPool, qualifier: String?
    ) {
        let reference = FunctionName.parse(name.removingPercentEncoding ?? name)
        let qualifier = request.uri.queryParameters["Qualifier"].map(String.init) ?? reference.qualifier
        let arn = "arn:aws:lambda:\(region):\(accountID):function:\(reference.name)"
        guard let pool = registry.pool(named: reference.name) else { throw .functionNotFound(arn) }
        if let qualifier, qualifier != "$LATEST" { throw .functionNotFound("\(arn):\(qualifier)") }
        return (pool, qualifier)
    }

    private func invoke(name: String, request: Request) async throws -> Response {
        let (pool, qualifier) = try function(named: name, request: request)

        let typeHeader = request.headers[InvokeAPIHeaders.invocationType] ?? "RequestResponse"
        guard let type = InvocationType(rawValue: typeHeader) else {
            throw InvokeAPIError.invalidParameter(
                "1 validation error detected: Value '\(typeHeader)' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]")
        }
        let logType = request.headers[InvokeAPIHeaders.logType] ?? "None"
        guard logType == "None" || logType == "Tail" else {
            throw InvokeAPIError.invalidParameter(
                "1 validation error detected: Value '\(logType)' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]")
        }
        let payload = try await InvokeRequestBody.read(request, type: type)
        let invocation = InvocationRequest(
            payload: payload,
            clientContext: try InvokeRequestBody.clientContext(request.headers[InvokeAPIHeaders.clientContext]),
            wantsLog: logType == "Tail" && type == .requestResponse, qualifier: qualifier)

        switch type {
        case .dryRun:
            return Response(status: .noContent)
        case .event:
            return try await accept(invocation, function: pool.configuration.name)
        case .requestResponse:
            let result: InvocationResult
            do {
                result = try await pool.invoke(invocation)
            } catch {
                switch error {
                case .throttled: throw InvokeAPIError.throttled
                case .environmentFailed, .shuttingDown: throw InvokeAPIError.service(error.description)
                }
            }
            return Self.resultResponse(result)
        }
    }

    static func resultResponse(_ result: InvocationResult) -> Response {
        var headers: HTTPFields = [
            .contentType: "application/json", InvokeAPIHeaders.executedVersion: "$LATEST",
            InvokeAPIHeaders.requestID: result.requestID,
        ]
        if let functionError = result.functionError { headers[InvokeAPIHeaders.functionError] = functionError }
        if let log = result.log { headers[InvokeAPIHeaders.logResult] = LogTail.base64(of: log) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: result.payload))
    }

    static func errorResponse(_ error: InvokeAPIError) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(ErrorBody(Type: error.type, message: error.message, Reason: error.reason))) ?? Data()
        return Response(
            status: error.status,
            headers: [.contentType: "application/json", InvokeAPIHeaders.errorType: error.code],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Lambda's error body: `{"Type":"User","message":…}`, with `Reason` for throttling.
private struct ErrorBody: Encodable {
    var `Type`: String
    var message: String
    var Reason: String?
}

/// The last 4 KB of an invocation's log, base64-encoded, as `X-Amz-Log-Result` carries it.
enum LogTail {
    static let limit = 4096

    static func base64(of log: String) -> String {
        let bytes = Array(log.utf8)
        return Data(bytes.suffix(limit)).base64EncodedString()
    }
}
