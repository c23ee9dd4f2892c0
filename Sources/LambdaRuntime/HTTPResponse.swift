#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The status, headers (names lowercased) and body of a Runtime API answer.
struct HTTPResponse: Sendable {
    let status: Int
    /// Empty for answers to POSTs, whose headers nothing reads.
    let headers: [String: String]
    let body: Data
}
