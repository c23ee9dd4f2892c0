import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// The Lambda Runtime API for one execution environment, on 127.0.0.1 and a port of its own.
///
/// Each environment gets its own listener, as each Lambda sandbox has its own `127.0.0.1:9001`: a runtime's requests
/// carry no identity, so the port is what ties a process to its environment. The server is plain SwiftNIO: a `/next`
/// that finds an invocation waiting is answered on the event loop that read it, with no task or actor in between.
/// Its listening socket is created close-on-exec, so no process started later inherits it.
struct RuntimeAPIServer: Sendable {
    /// The bound port.
    let port: Int
    private let channel: any Channel

    /// Largest body read from a runtime; anything bigger is already over Lambda's response limit and is discarded.
    static let bodyReadLimit = PayloadLimits.response

    /// Listens on 127.0.0.1 and a free port, serving `environment`.
    /// - Throws: ``RuntimeAPIServerError`` when no socket can be bound.
    static func start(
        environment: ExecutionEnvironment, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RuntimeAPIServer {
        let socket = try ListeningSocket.loopback()
        let bootstrap = ServerBootstrap(group: group)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RuntimeAPIHandler(environment: environment))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.withBoundSocket(socket.descriptor).get()
        } catch {
            close(socket.descriptor)
            throw RuntimeAPIServerError(reason: "\(error)")
        }
        return RuntimeAPIServer(port: socket.port, channel: channel)
    }

    /// Stops listening (connections already open stay until the runtime closes them or exits).
    func stop() { channel.close(promise: nil) }
}

/// A TCP socket bound to 127.0.0.1 on a free port and listening, created close-on-exec and non-blocking.
private struct ListeningSocket {
    let descriptor: Int32
    let port: Int

    static func loopback() throws -> ListeningSocket {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw RuntimeAPIServerError(reason: String(cString: strerror(errno))) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw RuntimeAPIServerError(reason: reason)
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        return ListeningSocket(descriptor: fd, port: Int(UInt16(bigEndian: actual.sin_port)))
    }
}

/// The Runtime API server could not start listening.
struct RuntimeAPIServerError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "the Runtime API server could not listen on 127.0.0.1: \(reason)" }
}
