import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Entry points for a function's `main.swift`. Each reads the configuration from the environment and serves
// invocations until the Runtime API ends the loop; then it prints one line to stderr and exits with status 1,
// without a trap or a backtrace.
extension LambdaRuntime {
    /// Serves invocations with a handler built by an `async throws` factory; a factory error is reported to
    /// `/runtime/init/error` and ends the process with status 1.
    public static func run<Handler: ByteLambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler
    ) async -> Never {
        // stdout is a pipe under Lambda, so `print` output would sit in a block buffer until exit and reach the
        // logs late or never (when the process is killed on a timeout). Flush it at every line instead.
        ccurl_line_buffer_stdout()
        do throws(LambdaRuntimeError) {
            let configuration = try RuntimeConfiguration(environment: ProcessInfo.processInfo.environment)
            try await LambdaRuntime(configuration: configuration).run(makeHandler: makeHandler)
        } catch {
            exitWithError(error)
        }
    }

    /// Serves invocations with a JSON handler built by an `async throws` factory; a factory error is reported to
    /// `/runtime/init/error` and ends the process with status 1.
    public static func run<Handler: LambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler
    ) async -> Never {
        await run { context in CodableHandlerAdapter(handler: try await makeHandler(context)) }
    }

    /// Serves invocations with a raw bytes handler.
    public static func run(_ handler: some ByteLambdaHandler) async -> Never {
        await run { _ in handler }
    }

    /// Serves invocations with a JSON handler.
    public static func run(_ handler: some LambdaHandler) async -> Never {
        await run { _ in CodableHandlerAdapter(handler: handler) }
    }

    /// Serves invocations with a closure taking a decoded event and returning an output encoded as JSON.
    public static func run<Event: Decodable, Output: Encodable>(
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
    ) async -> Never {
        await run(ClosureHandler(body))
    }

    /// Serves invocations with a closure taking a decoded event and returning nothing (an empty response).
    public static func run<Event: Decodable>(
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Void
    ) async -> Never {
        await run(VoidClosureHandler(body))
    }

    /// Serves invocations with a closure from the raw event bytes to the raw response bytes.
    public static func runBytes(
        _ body: @escaping @Sendable (Data, LambdaContext) async throws -> Data
    ) async -> Never {
        await run(ClosureByteHandler(body))
    }

    private static func exitWithError(_ error: LambdaRuntimeError) -> Never {
        let line = "LambdaRuntime: \(error.message)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        exit(1)
    }
}
