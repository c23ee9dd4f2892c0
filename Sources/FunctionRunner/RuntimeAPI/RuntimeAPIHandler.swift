import NIOCore
import NIOHTTP1
import RuntimeAPIWire

/// One runtime connection to the Runtime API: reads each request whole (a body over Lambda's limit is counted, not
/// kept), passes it to the environment, and writes the answer; a `/next` may be answered later, from another thread.
final class RuntimeAPIHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let environment: ExecutionEnvironment
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var bodyTooLarge = false
    /// The `/next` of this connection that waits for an invocation.
    private var waitingNext: Int?

    init(environment: ExecutionEnvironment) { self.environment = environment }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
            bodyTooLarge = false
        case .body(var chunk):
            if bodyTooLarge { return }
            if body.readableBytes + chunk.readableBytes > RuntimeAPIServer.bodyReadLimit {
                bodyTooLarge = true
                body.clear()
            } else {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            route(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let waitingNext {
            self.waitingNext = nil
            environment.nextCancelled(id: waitingNext)
        }
        context.fireChannelInactive()
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        guard path.hasPrefix(RuntimeAPIWire.Path.prefix) else { return write(.notFound, context: context, keepAlive: head.isKeepAlive) }
        let route = path.dropFirst(RuntimeAPIWire.Path.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        let errorType = head.headers.first(name: RuntimeAPIWire.Header.functionErrorType)
        let outcome: RuntimeAPIError?
        switch (head.method, route.count, route.first, route.last) {
        case (.GET, 2, "invocation", "next"):
            return awaitNext(context: context, keepAlive: head.isKeepAlive)
        case (.POST, 3, "invocation", "response"):
            outcome = environment.respond(requestID: String(route[1]), body: bodyTooLarge ? nil : body)
        case (.POST, 3, "invocation", "error"):
            outcome = environment.reportError(
                requestID: String(route[1]), body: bodyTooLarge ? ByteBuffer() : body, errorType: errorType)
        case (.POST, 2, "init", "error"):
            outcome = environment.reportInitError(body: bodyTooLarge ? ByteBuffer() : body, errorType: errorType)
        default:
            return write(.notFound, context: context, keepAlive: head.isKeepAlive)
        }
        write(outcome.map { .error($0) } ?? .accepted, context: context, keepAlive: head.isKeepAlive)
    }

    private func awaitNext(context: ChannelHandlerContext, keepAlive: Bool) {
        let id = environment.makeRuntimeID()
        waitingNext = id
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        environment.next(id: id) { outcome in
            let answer: RuntimeAPIAnswer
            switch outcome {
            case .success(let delivery): answer = .delivery(delivery)
            case .failure(let error): answer = .error(error)
            }
            if loop.inEventLoop {
                bound.value.handler.answerNext(id: id, answer, context: bound.value.context, keepAlive: keepAlive)
            } else {
                loop.execute {
                    bound.value.handler.answerNext(id: id, answer, context: bound.value.context, keepAlive: keepAlive)
                }
            }
        }
    }

    private func answerNext(id: Int, _ answer: RuntimeAPIAnswer, context: ChannelHandlerContext, keepAlive: Bool) {
        guard waitingNext == id else { return }
        waitingNext = nil
        write(answer, context: context, keepAlive: keepAlive)
    }

    private func write(_ answer: RuntimeAPIAnswer, context: ChannelHandlerContext, keepAlive: Bool) {
        guard context.channel.isActive else { return }
        var (head, body) = answer.response(allocator: context.channel.allocator)
        head.headers.add(name: "Content-Length", value: String(body.readableBytes))
        if !keepAlive { head.headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}

/// What the Runtime API answers a request with.
enum RuntimeAPIAnswer {
    /// `/next`: the invocation, with Lambda's headers.
    case delivery(InvocationDelivery)
    /// `202 {"status":"OK"}` for a posted response or error.
    case accepted
    /// A rejection, with the status and body the Runtime Interface Emulator uses.
    case error(RuntimeAPIError)
    /// Not a Runtime API path.
    case notFound

    func response(allocator: ByteBufferAllocator) -> (HTTPResponseHead, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        switch self {
        case .delivery(let delivery):
            headers.add(name: RuntimeAPIWire.Header.requestID, value: delivery.requestID)
            headers.add(name: RuntimeAPIWire.Header.deadline, value: String(delivery.deadlineMillis))
            headers.add(name: RuntimeAPIWire.Header.invokedFunctionARN, value: delivery.functionARN)
            headers.add(name: RuntimeAPIWire.Header.traceID, value: delivery.traceID)
            if let clientContext = delivery.clientContext {
                headers.add(name: RuntimeAPIWire.Header.clientContext, value: clientContext)
            }
            if let identity = delivery.cognitoIdentity {
                headers.add(name: RuntimeAPIWire.Header.cognitoIdentity, value: identity)
            }
            return (HTTPResponseHead(version: .http1_1, status: .ok, headers: headers), delivery.payload)
        case .accepted:
            return (
                HTTPResponseHead(version: .http1_1, status: .accepted, headers: headers),
                allocator.buffer(string: #"{"status":"OK"}"#)
            )
        case .error(let error):
            let body = LambdaErrorPayload.make(type: error.errorType, message: error.message)
            return (HTTPResponseHead(version: .http1_1, status: error.status, headers: headers), body)
        case .notFound:
            let body = LambdaErrorPayload.make(type: "NotFound", message: "Not a Runtime API path")
            return (HTTPResponseHead(version: .http1_1, status: .notFound, headers: headers), body)
        }
    }
}
