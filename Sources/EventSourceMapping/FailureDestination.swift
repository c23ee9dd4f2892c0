/// Receives the invocation record of every batch a mapping discards (`DestinationConfig.OnFailure`).
public protocol FailureDestination: Sendable {
    /// A name for logs and summaries (a file path, an ARN).
    var name: String { get }
    /// Stores `record` durably; the mapping advances past the batch only after this returns.
    func deliver(_ record: OnFailureRecord) async throws
}
