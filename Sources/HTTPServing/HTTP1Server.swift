import Hummingbird
import HummingbirdCore
import Logging
import NIOHTTPTypesHTTP1
import NIOCore
import NIOHTTP1

/// The HTTP/1.1 server both of the emulator's ports use: Hummingbird's, with an idle-connection timeout and HTTP/1.0
/// connection semantics (an HTTP/1.0 request without `Connection: keep-alive` closes its connection once answered).
public enum HTTP1Server {
    /// How long a connection may sit idle (no request in progress) before the server closes it, unless told otherwise.
    public static let defaultIdleTimeout: Duration = .seconds(60)

    /// A server builder for `Application(router:server:…)`, closing connections idle for `idleTimeout`.
    public static func builder(idleTimeout: Duration = defaultIdleTimeout) -> HTTPServerBuilder {
        let configuration = HTTP1Channel.Configuration(idleTimeout: TimeAmount(max(idleTimeout, .nanoseconds(1))))
        return HTTPServerBuilder { responder in
            HTTP10AwareChannel(inner: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}

/// Hummingbird's HTTP/1 child channel with ``HTTP10ConnectionClose`` inserted where the HTTP version is still known
/// (between NIO's HTTP/1 decoder and the conversion to Swift HTTP Types, which drops the version).
struct HTTP10AwareChannel: HTTPChannelHandler {
    let inner: HTTP1Channel

    var responder: HTTPChannelHandler.Responder { inner.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let codec = try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)
            try pipeline.addHandler(HTTP10ConnectionClose(), position: .before(codec))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
