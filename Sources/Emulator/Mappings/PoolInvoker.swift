import EventSourceMapping
import NIOCore

/// Invokes a function's pool synchronously for a mapping, as Lambda's poller does (RequestResponse).
struct PoolInvoker: BatchInvoker {
    let pool: FunctionPool

    func invoke(payload: [UInt8]) async -> InvocationOutcome {
        do {
            let result = try await pool.invoke(InvocationRequest(payload: ByteBuffer(bytes: payload)))
            return .completed(
                requestID: result.requestID, payload: Array(buffer: result.payload), functionError: result.functionError)
        } catch {
            switch error {
            case .throttled: return .notInvoked(reason: error.description, statusCode: 429)
            case .environmentFailed, .shuttingDown: return .notInvoked(reason: error.description, statusCode: 500)
            }
        }
    }
}
