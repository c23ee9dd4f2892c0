import Hummingbird

/// Answers requests no route serves (unknown path, or a known path with another method) with the service's own error
/// shape instead of Hummingbird's bare 404.
public struct UnknownRouteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Builds the answer for an unserved request.
    let respond: @Sendable (Request) -> Response

    /// A middleware answering unserved requests with `respond`.
    public init(respond: @escaping @Sendable (Request) -> Response) {
        self.respond = respond
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return respond(request)
        }
    }
}
