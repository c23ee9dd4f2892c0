import CCurl

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
    private let easy: EasyHandle
    private var handle: UnsafeMutableRawPointer { easy.handle }
    private let baseURL: String
    /// `http://host:port/2018-06-01/runtime/invocation/next`, built once.
    private let nextURL: String
    /// The header list of a POST without extra headers (`/response`), built once.
    private let plainPostHeaders = CurlHeaderList(CurlHeaderList.postLines([]))

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Creates a client for the Runtime API at `runtimeAPI` (`host:port`).
    /// - Throws: `LambdaRuntimeError` `.transport` when libcurl cannot be initialized.
    init(runtimeAPI: String) throws(LambdaRuntimeError) {
        self.easy = try EasyHandle()
        self.baseURL = "http://\(runtimeAPI)"
        self.nextURL = baseURL + RuntimeAPI.Path.next
        self.executor = WorkerThreadExecutor()
    }

    deinit {
        // The easy handle and error buffer are freed by `EasyHandle`'s deinit; let the thread end too.
        executor.shutdown()
    }

    /// `GET /runtime/invocation/next`, waiting as long as the server takes.
    func next() throws(LambdaRuntimeError) -> HTTPResponse {
        ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
        return try perform(method: "GET", url: nextURL, keepingHeaders: true)
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
        ccurl_setopt_long(handle, CURLOPT_POST, 1)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList.list)
        // The list may be freed after this call: never leave libcurl pointing at it.
        defer { ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil) }
        ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        defer { ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
        if body.isEmpty {
            // libcurl reads POSTFIELDS through a pointer, which must not be null even for an empty body.
            return try withUnsafeBytes(of: UInt8(0)) { raw throws(LambdaRuntimeError) in
                ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, raw.baseAddress)
                return try perform(method: "POST", url: url, keepingHeaders: false)
            }
        }
        // The body is read in place, never copied. (`Data.withUnsafeBytes` rethrows untyped errors: go via Result.)
        let result = body.withUnsafeBytes { raw -> Result<HTTPResponse, LambdaRuntimeError> in
            ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, raw.baseAddress)
            return Result { () throws(LambdaRuntimeError) in
                try perform(method: "POST", url: url, keepingHeaders: false)
            }
        }
        return try result.get()
    }

    private func perform(method: String, url: String, keepingHeaders: Bool) throws(LambdaRuntimeError)
        -> HTTPResponse
    {
        let collector = easy.collector
        collector.reset(keepingHeaders: keepingHeaders)
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        easy.errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            collector.reset(keepingHeaders: true)
            let detail = String(cString: easy.errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw LambdaRuntimeError(code: .transport, message: "\(method) \(url) failed: \(reason)")
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.takeHeaders(), body: collector.takeBody())
    }
}
