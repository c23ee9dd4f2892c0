import NIOCore
import NIOHTTP1

/// Marks a request that must close its connection once answered with `Connection: close`, which the server acts on:
/// an HTTP/1.0 request without `Connection: keep-alive` (HTTP/1.0's default is one request per connection).
final class HTTP10ConnectionClose: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive,
            head.headers.first(name: "connection")?.lowercased() != "close"
        else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
