import Synchronization

/// A blocking libcurl HTTP/1.1 client behind an async API: a small pool of keep-alive connections, each with its
/// own thread, so transfers never block Swift's cooperative pool.
///
/// Connections open lazily: a request takes an idle connection, opens a new one while fewer than
/// `maximumConnections` exist, or else queues on the least busy one.
public final class CurlHTTPClient: HTTPTransport {
    /// How the client connects.
    public struct Configuration: Sendable {
        /// The most connections (and threads) the client opens.
        public var maximumConnections: Int
        /// How long connecting may take.
        public var connectTimeout: Duration
        /// How long a whole request may take; nil waits as long as the server takes.
        public var timeout: Duration?
        /// Whether the `http_proxy`/`https_proxy`/`no_proxy` variables apply; false always connects directly.
        public var usesEnvironmentProxy: Bool
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration; the defaults suit a service client (4 connections, 10 s to connect, 60 s per
        /// request).
        public init(
            maximumConnections: Int = 4,
            connectTimeout: Duration = .seconds(10),
            timeout: Duration? = .seconds(60),
            usesEnvironmentProxy: Bool = true,
            userAgent: String = "Swift-CurlHTTP/1.0 libcurl"
        ) {
            self.maximumConnections = maximumConnections
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.usesEnvironmentProxy = usesEnvironmentProxy
            self.userAgent = userAgent
        }
    }

    private struct Slot {
        let worker: ConnectionWorker
        var inFlight: Int
    }

    /// The client's configuration.
    public let configuration: Configuration
    private let slots = Mutex<[Slot]>([])

    /// Creates a client; no connection opens until the first request.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Sends `request` over one of the pool's connections and waits for the whole response.
    /// - Throws: `HTTPClientError` when libcurl cannot start or the transfer fails; any HTTP status is a response.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let (index, worker) = try checkOut()
        defer { slots.withLock { $0[index].inFlight -= 1 } }
        return try await worker.send(request)
    }

    /// The number of connections opened so far.
    public var connectionCount: Int { slots.withLock { $0.count } }

    private func checkOut() throws(HTTPClientError) -> (Int, ConnectionWorker) {
        let options = CurlConnection.Options(
            connectTimeout: configuration.connectTimeout,
            timeout: configuration.timeout,
            usesEnvironmentProxy: configuration.usesEnvironmentProxy,
            userAgent: configuration.userAgent)
        let limit = max(1, configuration.maximumConnections)
        return try slots.withLock { slots throws(HTTPClientError) -> (Int, ConnectionWorker) in
            let index: Int
            if let idle = slots.firstIndex(where: { $0.inFlight == 0 }) {
                index = idle
            } else if slots.count < limit {
                slots.append(Slot(worker: try ConnectionWorker(options: options), inFlight: 0))
                index = slots.count - 1
            } else {
                index = slots.indices.min { slots[$0].inFlight < slots[$1].inFlight } ?? 0
            }
            slots[index].inFlight += 1
            return (index, slots[index].worker)
        }
    }
}
