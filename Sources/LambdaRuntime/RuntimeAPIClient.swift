import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The status, headers (names lowercased) and body of a Runtime API answer.
struct HTTPResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data
}

/// An HTTP/1.1 client for the Runtime API built on one reused libcurl easy handle, so every request goes over
/// the same keep-alive connection. Runs on its own thread (see `WorkerThreadExecutor`).
actor RuntimeAPIClient {
    private static let curlGlobalInit: CURLcode = ccurl_global_init()

    private let executor: WorkerThreadExecutor
    private let easy: EasyHandle
    private var handle: UnsafeMutableRawPointer { easy.handle }
    private var errorBuffer: UnsafeMutablePointer<CChar> { easy.errorBuffer }
    private let baseURL: String

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Creates a client for the Runtime API at `runtimeAPI` (`host:port`).
    /// - Throws: `LambdaRuntimeError` `.transport` when libcurl cannot be initialized.
    init(runtimeAPI: String) throws(LambdaRuntimeError) {
        guard Self.curlGlobalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw LambdaRuntimeError(code: .transport, message: "libcurl could not be initialized")
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        // Signals cannot be used for timeouts in a multi-threaded process.
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        // The Runtime API is always local to the sandbox: never go through an HTTP proxy from the environment.
        ccurl_setopt_string(handle, CURLOPT_PROXY, "")
        // `/next` is a long poll that must have no timeout (CURLOPT_TIMEOUT stays 0); connecting may time out.
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 2000)
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, "Swift-LambdaRuntime/1.0 libcurl")
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue().body.append(contentsOf: bytes)
            return size * count
        }
        ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<ResponseCollector>.fromOpaque(userData).takeUnretainedValue().addHeaderLine(bytes)
            return size * count
        }
        self.easy = EasyHandle(handle: handle, errorBuffer: errorBuffer)
        self.baseURL = "http://\(runtimeAPI)"
        self.executor = WorkerThreadExecutor()
    }

    deinit {
        // The easy handle and error buffer are freed by `EasyHandle`'s deinit; let the thread end too.
        executor.shutdown()
    }

    /// `GET path`, waiting as long as the server takes.
    func get(_ path: String) throws(LambdaRuntimeError) -> HTTPResponse {
        ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        return try perform(method: "GET", path: path, headers: [])
    }

    /// `POST path` with `body` and the extra `headers` (`"Name: value"` lines).
    func post(_ path: String, body: Data, headers: [String] = []) throws(LambdaRuntimeError) -> HTTPResponse {
        // libcurl's default `Expect: 100-continue` for bodies over 1 KB would wait a second for a 100 answer,
        // and its default form Content-Type would be a lie: send neither unless the caller sets a type.
        var lines = ["Expect:"] + headers
        if !headers.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
            lines.append("Content-Type:")
        }
        // libcurl reads POSTFIELDS through a pointer, which must not be null even for an empty body.
        let storage = body.isEmpty ? Data([0]) : body
        let result = storage.withUnsafeBytes { raw -> Result<HTTPResponse, LambdaRuntimeError> in
            ccurl_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, raw.baseAddress)
            defer { ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
            return Result { () throws(LambdaRuntimeError) in try perform(method: "POST", path: path, headers: lines) }
        }
        return try result.get()
    }

    private func perform(method: String, path: String, headers: [String]) throws(LambdaRuntimeError) -> HTTPResponse {
        let url = baseURL + path
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            list = curl_slist_append(list, header)
        }
        defer {
            ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            curl_slist_free_all(list)
        }
        // `collector` is used after the transfer, which keeps it alive while libcurl holds its unretained pointer.
        let collector = ResponseCollector()
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque)
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw LambdaRuntimeError(code: .transport, message: "\(method) \(url) failed: \(reason)")
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.headers, body: collector.body)
    }
}

/// Owns a libcurl easy handle and its error buffer, and frees both.
private final class EasyHandle {
    let handle: UnsafeMutableRawPointer
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>) {
        self.handle = handle
        self.errorBuffer = errorBuffer
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }
}

/// Accumulates one response's header lines and body from libcurl's callbacks.
private final class ResponseCollector {
    var headers: [String: String] = [:]
    var body = Data()

    func addHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line (after an interim 1xx answer): forget the previous headers.
            headers = [:]
            body = Data()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        headers[name] = value
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs, CR and LF.
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
