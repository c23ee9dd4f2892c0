import LambdaRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension LambdaTestHarness {
    /// Invokes a closure handler (as `LambdaRuntime.run { event, context in … }` takes) with `eventJSON`.
    ///
    /// - Throws: as ``invoke(_:eventJSON:functionName:)``.
    public func invoke<Event: Decodable, Output: Encodable>(
        _ handler: @escaping @Sendable (Event, LambdaContext) async throws -> Output, eventJSON: Data,
        functionName: String = "TestFunction"
    ) async throws -> Data {
        try await invoke(ClosureHandler(handler), eventJSON: eventJSON, functionName: functionName)
    }

    /// Invokes a closure handler with `event` through JSON and decodes its JSON output.
    ///
    /// - Throws: as ``invoke(_:eventJSON:functionName:)``.
    public func invoke<Event: Codable, Output: Codable>(
        _ handler: @escaping @Sendable (Event, LambdaContext) async throws -> Output, event: Event,
        functionName: String = "TestFunction"
    ) async throws -> Output {
        try await invoke(ClosureHandler(handler), event: event, functionName: functionName)
    }

    /// Invokes a closure handler with the event in `eventFile` (relative to ``eventsDirectory``, or absolute) and
    /// decodes its JSON output.
    ///
    /// - Throws: as ``invoke(_:eventFile:functionName:)``.
    public func invoke<Event: Decodable, Output: Codable>(
        _ handler: @escaping @Sendable (Event, LambdaContext) async throws -> Output, eventFile: String,
        functionName: String = "TestFunction"
    ) async throws -> Output {
        try await invoke(ClosureHandler(handler), eventFile: eventFile, functionName: functionName)
    }
}
