import Foundation
import NIOCore

extension Workspace {
    /// Runs one invocation of `function` in a fresh execution environment and stops it afterwards, as
    /// `lambda-local invoke` does; the result carries the invocation's log, so it returns after `REPORT`.
    /// - Throws: ``WorkspaceError`` for an unknown function, ``InvokeError`` when no environment could start.
    public func invokeOnce(_ function: String, payload: Data, console: Console) async throws -> InvocationResult {
        let pool = FunctionPool(
            configuration: configuration(for: try self.function(named: function)), console: console, maxEnvironments: 1)
        do {
            // Waiting for the log means waiting for END and REPORT, so the environment is measured before it stops.
            let result = try await pool.invoke(InvocationRequest(payload: ByteBuffer(bytes: payload), wantsLog: true))
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}
