#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The JSON body of `/invocation/{id}/error` and `/init/error`.
struct ErrorReport: Encodable {
    let errorMessage: String
    let errorType: String
    let stackTrace: [String]
}

extension LambdaRuntime {
    /// The `Lambda-Runtime-Function-Error-Type` header value and the JSON body reporting `error`.
    ///
    /// Runtime-detected failures keep their own error type; anything a handler throws is `Unhandled`, named after
    /// its Swift type and described by `String(describing:)`, as the stock Swift runtime reports it.
    static func errorReport(for error: any Error) -> (headerType: String, body: Data) {
        let report: ErrorReport
        let headerType: String
        if let reported = error as? ReportedError {
            report = ErrorReport(errorMessage: reported.errorMessage, errorType: reported.errorType, stackTrace: [])
            headerType = reported.errorType
        } else {
            report = ErrorReport(errorMessage: "\(error)", errorType: "\(type(of: error))", stackTrace: [])
            headerType = RuntimeAPI.ErrorType.unhandled
        }
        let encoder = JSONEncoder()
        // Sorted keys give the documented order: errorMessage, errorType, stackTrace.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding three strings cannot fail; fall back to an empty object rather than trap if it ever did.
        return (headerType, (try? encoder.encode(report)) ?? Data("{}".utf8))
    }
}
