#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A function handler that receives a decoded JSON event and returns an output encoded as JSON.
public protocol LambdaHandler: Sendable {
    /// The event type, decoded from the invocation's JSON body.
    associatedtype Event: Decodable
    /// The output type, encoded as JSON into the body posted to `/response`.
    associatedtype Output: Encodable

    /// Handles one invocation.
    /// - Throws: Any error; it is reported to the Runtime API as a function error named after its type.
    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}

/// A function handler that works on the raw invocation bytes: the event body in, the response body out.
public protocol ByteLambdaHandler: Sendable {
    /// Handles one invocation.
    /// - Throws: Any error; it is reported to the Runtime API as a function error named after its type.
    func handle(_ event: Data, context: LambdaContext) async throws -> Data
}
