import FunctionRunner
import Foundation
import Hummingbird

extension InvokeAPIServer {
    /// Accepts an `Event` invocation: the event is in the durable queue before the `202` is sent, whose
    /// `x-amzn-RequestId` is the request ID the function gets on every attempt.
    /// - Throws: ``InvokeAPIError/service(_:)`` when the queue cannot keep the event (nothing is acknowledged then).
    func accept(_ invocation: InvocationRequest, function: String) async throws -> Response {
        let event = QueuedEvent.accepted(
            function: function, payload: Data(invocation.payload.readableBytesView),
            clientContext: invocation.clientContext, qualifier: invocation.qualifier)
        do {
            try await events.enqueue(event)
        } catch {
            throw InvokeAPIError.service("the asynchronous invocation queue could not keep the event: \(error)")
        }
        return Response(status: .accepted, headers: [InvokeAPIHeaders.requestID: event.requestID])
    }
}
