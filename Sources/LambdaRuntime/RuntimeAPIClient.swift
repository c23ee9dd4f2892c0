import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP/1.1 client for the Runtime API built on one reused libcurl easy handle, so every request goes over
/// the same keep-alive connection. Runs on its own thread (see `WorkerThreadExecutor`).
///
/// `postThenNext` posts an invocation's result and long-polls the next one in a single job on that thread, so an
/// invocation costs two thread hand-offs (the result in, the next event out) rather than one per request.
actor RuntimeAPIClient {
    private let executor: WorkerThreadExecutor
    private let connection: CurlConnection
    private let baseURL: String
    /// `http://host:port/2018-06-01/runtime/invocation/next`, built once.
    private let nextURL: String
    /// The header list of a POST without extra headers (`/response`), built once.
    private let plainPostHeaders = CurlHeaderList(CurlHeaderList.postLines([]))

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Creates a client for the Runtime API at `runtimeAPI` (`host:port`).
    /// - Throws: `LambdaRuntimeError` `.transport` when libcurl cannot be initialized.
    init(runtimeAPI: String) throws(LambdaRuntimeError) {
        do {
            self.connection = try CurlConnection(options: Self.connectionOptions)
        } catch {
            throw LambdaRuntimeError(code: .transport, message: error.message, underlying: error)
        }
        self.baseURL = "http://\(runtimeAPI)"
        self.nextURL = baseURL + RuntimeAPI.Path.next
        self.executor = WorkerThreadExecutor()
    }

    deinit {
        // The connection frees its easy handle in its own deinit; let the thread end too.
        executor.shutdown()
    }

    /// `GET /runtime/invocation/next`, waiting as long as the server takes.
    func next() throws(LambdaRuntimeError) -> HTTPResponse {
        try perform(.get, url: nextURL, headerList: nil, body: Data(), keepingHeaders: true)
    }

    /// `POST path` with `body` and the extra `headers` (`"Name: value"` lines).
    func post(_ path: String, body: Data, headers: [String] = []) throws(LambdaRuntimeError) -> HTTPResponse {
        if headers.isEmpty {
            return try post(url: baseURL + path, body: body, headerList: plainPostHeaders)
        }
        return try post(url: baseURL + path, body: body, headerList: CurlHeaderList(CurlHeaderList.postLines(headers)))
    }

    /// `POST path` as `post(_:body:headers:)`, hands its answer to `inspect`, then `GET /next` as `next()`, all in
    /// one job on the client's thread.
    /// - Throws: `LambdaRuntimeError` `.transport` when either request fails; the GET is not sent if the POST failed.
    func postThenNext(
        _ path: String,
        body: Data,
        headers: [String] = [],
        inspect: @Sendable (HTTPResponse) -> Void
    ) throws(LambdaRuntimeError) -> HTTPResponse {
        inspect(try post(path, body: body, headers: headers))
        return try next()
    }

    private func post(url: String, body: Data, headerList: CurlHeaderList) throws(LambdaRuntimeError)
        -> HTTPResponse
    {
        try perform(.post, url: url, headerList: headerList, body: body, keepingHeaders: false)
    }

    private func perform(
        _ method: HTTPRequest.Method, url: String, headerList: CurlHeaderList?, body: Data, keepingHeaders: Bool
    ) throws(LambdaRuntimeError) -> HTTPResponse {
        do {
            return try connection.perform(
                method: method, url: url, headerList: headerList, body: body, keepingHeaders: keepingHeaders)
        } catch {
            throw LambdaRuntimeError(code: .transport, message: error.message, underlying: error)
        }
    }

    /// The Runtime API is always local to the sandbox: never go through an HTTP proxy from the environment.
    /// `/next` is a long poll that must have no timeout; connecting may time out.
    private static let connectionOptions = CurlConnection.Options(
        connectTimeout: .milliseconds(2000), timeout: nil, usesEnvironmentProxy: false,
        userAgent: "Swift-LambdaRuntime/1.0 libcurl")
}
