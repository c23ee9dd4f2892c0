import FunctionRunner
import DynamoDBEndpoint
import Foundation
import NIOCore

extension Workspace {
    /// Runs one invocation of `function` in a fresh execution environment and stops it afterwards, as
    /// `lambda-local invoke` does; the result carries the invocation's log, so it returns after `REPORT`.
    ///
    /// With `tables` (and a template that declares tables), the embedded DynamoDB serves them from that location
    /// for the invocation, and the function gets its endpoint, as under `start`.
    /// - Throws: ``WorkspaceError`` for an unknown function, ``InvokeError`` when no environment could start.
    public func invokeOnce(
        _ function: String, payload: Data, console: Console, tables: StateLocation? = nil
    ) async throws -> InvocationResult {
        let definition = try self.function(named: function)
        let request = InvocationRequest(payload: ByteBuffer(bytes: payload), wantsLog: true)
        if let tables, !template.tables.isEmpty {
            let result = try await EmbeddedServices.run(
                self, state: tables, options: .init(maxEnvironments: 1), console: console
            ) { services in
                guard let pool = services.registry.pool(named: definition.functionName) else {
                    throw WorkspaceError.unknownFunction(
                        function, file: template.path, known: template.functions.map(\.logicalID))
                }
                // Waiting for the log means waiting for END and REPORT, so the environment is measured first.
                return try await pool.invoke(request)
            }
            guard let result else { throw EmbeddedServicesError(message: "the invocation was interrupted") }
            return result
        }
        let pool = FunctionPool(configuration: configuration(for: definition), console: console, maxEnvironments: 1)
        do {
            let result = try await pool.invoke(request)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}
