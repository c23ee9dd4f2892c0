/// One `CurlConnection` on its own thread: an actor whose executor is that thread, so blocking transfers never
/// occupy Swift's cooperative pool.
actor ConnectionWorker {
    private let executor: WorkerThreadExecutor
    private let connection: CurlConnection

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Creates the connection and starts its thread.
    /// - Throws: `HTTPClientError` `.initialization` when libcurl cannot be initialized.
    init(options: CurlConnection.Options) throws(HTTPClientError) {
        self.connection = try CurlConnection(options: options)
        self.executor = WorkerThreadExecutor()
    }

    deinit {
        executor.shutdown()
    }

    /// Sends `request` over this worker's connection.
    func send(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        try connection.perform(request)
    }
}
