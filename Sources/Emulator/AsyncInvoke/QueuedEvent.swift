import Foundation

/// One accepted asynchronous (`Event`) invocation waiting in the queue: the request ID its `202` named (the one the
/// function gets on every attempt), its payload and how far it has come.
struct QueuedEvent: Sendable, Equatable {
    /// The request ID, also the queue's key.
    var requestID: String
    /// The function's name in the template.
    var function: String
    /// The event as accepted.
    var payload: Data
    /// The decoded `X-Amz-Client-Context`, when one was sent.
    var clientContext: String?
    /// Attempts that ran to an answer (successful or not).
    var attempts: Int
    /// When the Invoke API accepted the event (the start of its age).
    var acceptedAt: Date
    /// Not to be attempted before this time (a retry's or a throttled event's delay).
    var notBefore: Date
    /// The qualifier the caller invoked (`$LATEST`), so every attempt's invoked function ARN is the one the caller
    /// used; `nil` for an unqualified invocation.
    var qualifier: String? = nil
}

extension QueuedEvent {
    /// A newly accepted event for `function`: a new request ID, no attempts yet, due at once.
    static func accepted(
        function: String, payload: Data, clientContext: String?, qualifier: String? = nil, at now: Date = Date()
    ) -> QueuedEvent {
        QueuedEvent(
            requestID: UUID().uuidString.lowercased(), function: function, payload: payload,
            clientContext: clientContext, attempts: 0, acceptedAt: now, notBefore: now, qualifier: qualifier)
    }
}
