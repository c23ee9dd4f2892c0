#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `LambdaHandler` made from a closure.
public struct ClosureHandler<Event: Decodable, Output: Encodable>: LambdaHandler {
    private let body: @Sendable (Event, LambdaContext) async throws -> Output

    /// Wraps `body` as a handler.
    public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output) {
        self.body = body
    }

    /// Calls the closure.
    public func handle(_ event: Event, context: LambdaContext) async throws -> Output {
        try await body(event, context)
    }
}

/// The output of a handler that returns nothing: it encodes to an empty response body.
public struct EmptyOutput: Encodable, Sendable, Equatable {
    /// Creates the empty output.
    public init() {}
}

/// A `LambdaHandler` made from a closure that returns nothing (the response body is empty).
public struct VoidClosureHandler<Event: Decodable>: LambdaHandler {
    private let body: @Sendable (Event, LambdaContext) async throws -> Void

    /// Wraps `body` as a handler.
    public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Void) {
        self.body = body
    }

    /// Calls the closure and returns `EmptyOutput`.
    public func handle(_ event: Event, context: LambdaContext) async throws -> EmptyOutput {
        try await body(event, context)
        return EmptyOutput()
    }
}

/// A `ByteLambdaHandler` made from a closure.
public struct ClosureByteHandler: ByteLambdaHandler {
    private let body: @Sendable (Data, LambdaContext) async throws -> Data

    /// Wraps `body` as a handler.
    public init(_ body: @escaping @Sendable (Data, LambdaContext) async throws -> Data) {
        self.body = body
    }

    /// Calls the closure.
    public func handle(_ event: Data, context: LambdaContext) async throws -> Data {
        try await body(event, context)
    }
}
