import CCurl

/// Owns a libcurl easy handle, its error buffer and the collector its callbacks write into, and frees them.
final class EasyHandle {
    let handle: UnsafeMutableRawPointer
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// Receives every response's headers and body; libcurl holds it unretained, so it lives as long as the handle.
    let collector = ResponseCollector()

    /// Creates the handle with the options every Runtime API request shares.
    /// - Throws: `LambdaRuntimeError` `.transport` when libcurl cannot be initialized.
    init() throws(LambdaRuntimeError) {
        guard Self.curlGlobalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw LambdaRuntimeError(code: .transport, message: "libcurl could not be initialized")
        }
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
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

    private static let curlGlobalInit: CURLcode = ccurl_global_init()
}
