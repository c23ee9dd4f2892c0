import FunctionRunner
import DynamoDBEndpoint
import EventSourceMapping
import NIOCore

/// Invokes a function's pool synchronously for a mapping, as Lambda's poller does (RequestResponse).
public struct PoolInvoker: BatchInvoker {
    let pool: FunctionPool

    /// Invokes `pool`'s function.
    public init(pool: FunctionPool) { self.pool = pool }

    public func invoke(payload: [UInt8]) async -> InvocationOutcome {
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
