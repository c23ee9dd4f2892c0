/// Something that sends an HTTP request and returns its answer: the libcurl client, or a fake in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the whole response.
    /// - Throws: `HTTPClientError` when no response arrived; any HTTP status is a response, not an error.
    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse
}
