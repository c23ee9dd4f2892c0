/// An invocation failure detected by the runtime itself (not thrown by the handler), reported with its own
/// `errorType`, which is also sent as the `Lambda-Runtime-Function-Error-Type` header.
struct ReportedError: Error, CustomStringConvertible {
    let errorType: String
    let errorMessage: String

    var description: String { "\(errorType): \(errorMessage)" }
}
