import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// The Lambda Runtime API for one execution environment, on 127.0.0.1 and a port of its own.
///
/// Each environment gets its own listener, as each Lambda sandbox has its own `127.0.0.1:9001`: a runtime's requests
/// carry no identity, so the port is what ties a process to its environment.
enum RuntimeAPIServer {
    /// A listening server; ``stop()`` closes it.
    struct Running: Sendable {
        let port: Int
        let task: Task<Void, Never>

        func stop() { task.cancel() }
    }

    /// Largest body read from a runtime; anything bigger is already over Lambda's response limit.
    static let bodyReadLimit = 64 << 20

    static func start(environment: ExecutionEnvironment) async throws -> Running {
        let router = Router()
        addRoutes(to: router, environment: environment)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Logger(label: "lambda-local.runtime-api", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task {
            try? await app.run()
            portContinuation.finish()
        }
        for await port in ports where port > 0 {
            return Running(port: port, task: task)
        }
        task.cancel()
        throw RuntimeAPIServerError()
    }

    private static func addRoutes(to router: Router<BasicRequestContext>, environment: ExecutionEnvironment) {
        let prefix = "/2018-06-01/runtime"
        router.get("\(prefix)/invocation/next") { _, _ -> Response in
            do {
                return nextResponse(try await environment.nextInvocation())
            } catch {
                return errorResponse(error)
            }
        }
        router.post("\(prefix)/invocation/:id/response") { request, context -> Response in
            let id = try context.parameters.require("id")
            do {
                let body = try await collectWithinLimit(request)
                try await environment.respond(requestID: id, body: body)
                return accepted()
            } catch {
                return errorResponse(error)
            }
        }
        router.post("\(prefix)/invocation/:id/error") { request, context -> Response in
            let id = try context.parameters.require("id")
            do {
                let body = try await request.body.collect(upTo: bodyReadLimit)
                try await environment.reportError(
                    requestID: id, body: body, errorType: request.headers[RuntimeAPIHeaders.functionErrorType])
                return accepted()
            } catch {
                return errorResponse(error)
            }
        }
        router.post("\(prefix)/init/error") { request, _ -> Response in
            do {
                let body = try await request.body.collect(upTo: bodyReadLimit)
                try await environment.reportInitError(body: body, errorType: request.headers[RuntimeAPIHeaders.functionErrorType])
                return accepted()
            } catch {
                return errorResponse(error)
            }
        }
    }

    /// The response body, or `nil` when it is over Lambda's limit.
    private static func collectWithinLimit(_ request: Request) async throws -> ByteBuffer? {
        do {
            let body = try await request.body.collect(upTo: bodyReadLimit)
            return body.readableBytes > PayloadLimits.response ? nil : body
        } catch is NIOTooManyBytesError {
            return nil
        }
    }

    private static func nextResponse(_ delivery: InvocationDelivery) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[RuntimeAPIHeaders.requestID] = delivery.requestID
        headers[RuntimeAPIHeaders.deadline] = String(delivery.deadlineMillis)
        headers[RuntimeAPIHeaders.functionARN] = delivery.functionARN
        headers[RuntimeAPIHeaders.traceID] = delivery.traceID
        if let clientContext = delivery.clientContext { headers[RuntimeAPIHeaders.clientContext] = clientContext }
        if let identity = delivery.cognitoIdentity { headers[RuntimeAPIHeaders.cognitoIdentity] = identity }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: delivery.payload))
    }

    private static func accepted() -> Response {
        jsonResponse(.accepted, #"{"status":"OK"}"#)
    }

    private static func errorResponse(_ error: any Error) -> Response {
        let apiError = error as? RuntimeAPIError ?? .containerError
        let body = LambdaErrorPayload.make(type: apiError.errorType, message: apiError.message)
        return Response(status: apiError.status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
    }

    private static func jsonResponse(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The Runtime API server could not start listening.
struct RuntimeAPIServerError: Error, CustomStringConvertible {
    var description: String { "the Runtime API server could not listen on 127.0.0.1" }
}
