import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One libcurl easy handle, reused for every request so they share a keep-alive connection. Blocking and not
/// thread-safe: its owner (an actor on a `WorkerThreadExecutor`) calls it from one thread at a time.
package final class CurlConnection {
    /// Settings fixed for the connection's lifetime.
    package struct Options: Sendable {
        /// How long connecting may take.
        package var connectTimeout: Duration
        /// How long a whole request may take; nil waits as long as the server takes (the Runtime API's long poll).
        package var timeout: Duration?
        /// Whether the `http_proxy`/`https_proxy`/`no_proxy` variables apply; false always connects directly.
        package var usesEnvironmentProxy: Bool
        /// The `User-Agent` header.
        package var userAgent: String

        /// Creates options.
        package init(connectTimeout: Duration, timeout: Duration?, usesEnvironmentProxy: Bool, userAgent: String) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.usesEnvironmentProxy = usesEnvironmentProxy
            self.userAgent = userAgent
        }
    }

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Receives every response's headers and body; libcurl holds it unretained, so it lives as long as the handle.
    private let collector = ResponseCollector()

    /// Creates the handle with `options`.
    /// - Throws: `HTTPClientError` `.initialization` when libcurl cannot be initialized.
    package init(options: Options) throws(HTTPClientError) {
        guard Self.curlGlobalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw HTTPClientError(code: .initialization, message: "libcurl could not be initialized")
        }
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        // Signals cannot be used for timeouts in a multi-threaded process.
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        if !options.usesEnvironmentProxy {
            ccurl_setopt_string(handle, CURLOPT_PROXY, "")
        }
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        if let timeout = options.timeout {
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeout))
        }
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent)
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue().appendBody(bytes)
            return size * count
        }
        ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue().addHeaderLine(bytes)
            return size * count
        }
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sends `request` and waits for its whole answer, keeping the answer's headers.
    /// - Throws: `HTTPClientError` `.invalidRequest` for a header containing a line break, `.transfer` when libcurl
    ///   fails.
    package func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        var lines: [String] = []
        lines.reserveCapacity(request.headers.count)
        for header in request.headers {
            let line = "\(header.name): \(header.value)"
            // Check bytes: "\r\n" is one Character, equal to neither "\r" nor "\n".
            guard !line.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) else {
                throw HTTPClientError(
                    code: .invalidRequest,
                    message:
                        "\(request.method.rawValue) \(request.url): header \"\(header.name)\" contains a line break")
            }
            lines.append(line)
        }
        let headerList = CurlHeaderList(request.method == .get ? ["Expect:"] + lines : CurlHeaderList.postLines(lines))
        return try perform(
            method: request.method, url: request.url, headerList: headerList, body: request.body, keepingHeaders: true)
    }

    /// Sends a request with a prebuilt header list (reuse one across requests to save its allocation).
    ///
    /// A GET sends no body. Other methods send `body` in place, never copied.
    /// - Parameter keepingHeaders: false leaves the answer's `headers` empty (cheaper when only status and body
    ///   matter).
    /// - Throws: `HTTPClientError` `.transfer` when libcurl fails; the message names the method and URL.
    package func perform(
        method: HTTPRequest.Method, url: String, headerList: CurlHeaderList?, body: Data, keepingHeaders: Bool
    ) throws(HTTPClientError) -> HTTPResponse {
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList?.list)
        // The list may be freed after this call: never leave libcurl pointing at it.
        defer { ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil) }
        if method == .get {
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            return try transfer(method: method, url: url, keepingHeaders: keepingHeaders)
        }
        ccurl_setopt_long(handle, CURLOPT_POST, 1)
        if method != .post {
            ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
        defer { if method != .post { ccurl_setopt_pointer(handle, CURLOPT_CUSTOMREQUEST, nil) } }
        ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        defer { ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
        if body.isEmpty {
            // libcurl reads POSTFIELDS through a pointer, which must not be null even for an empty body.
            return try withUnsafeBytes(of: UInt8(0)) { raw throws(HTTPClientError) in
                ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, raw.baseAddress)
                return try transfer(method: method, url: url, keepingHeaders: keepingHeaders)
            }
        }
        // `Data.withUnsafeBytes` rethrows untyped errors: go via Result.
        let result = body.withUnsafeBytes { raw -> Result<HTTPResponse, HTTPClientError> in
            ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, raw.baseAddress)
            return Result { () throws(HTTPClientError) in
                try transfer(method: method, url: url, keepingHeaders: keepingHeaders)
            }
        }
        return try result.get()
    }

    private func transfer(method: HTTPRequest.Method, url: String, keepingHeaders: Bool) throws(HTTPClientError)
        -> HTTPResponse
    {
        collector.reset(keepingHeaders: keepingHeaders)
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            collector.reset(keepingHeaders: true)
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw HTTPClientError(
                code: .transfer, message: "\(method.rawValue) \(url) failed: \(reason)", curlCode: Int(code.rawValue))
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.takeHeaders(), body: collector.takeBody())
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private static let curlGlobalInit: CURLcode = ccurl_global_init()
}
