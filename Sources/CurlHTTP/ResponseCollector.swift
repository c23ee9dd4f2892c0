#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Accumulates one response's header lines and body from libcurl's callbacks.
///
/// One collector serves every request of a client: `reset(keepingHeaders:)` before a transfer, `takeBody()` after.
/// Header lines are parsed as bytes (no `Character` walking), and a `Content-Length` sizes the body buffer once.
package final class ResponseCollector {
    /// Creates an empty collector.
    package init() {}

    package private(set) var headers: [String: String] = [:]
    private var body = Data()
    /// Whether header lines are kept; answers to POSTs only need their status and body.
    private var keepsHeaders = true

    /// Forgets the previous response before a new transfer.
    package func reset(keepingHeaders: Bool) {
        keepsHeaders = keepingHeaders
        headers = [:]
        body = Data()
    }

    /// The body received so far, leaving the collector without one (so the caller's copy stays unshared).
    package func takeBody() -> Data {
        defer { body = Data() }
        return body
    }

    /// Takes the headers received so far.
    package func takeHeaders() -> [String: String] {
        defer { headers = [:] }
        return headers
    }

    /// Appends body bytes from libcurl's write callback.
    package func appendBody(_ bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    /// Reads one header line from libcurl's header callback.
    package func addHeaderLine(_ line: UnsafeRawBufferPointer) {
        if line.starts(with: "HTTP/".utf8) {
            // A new status line (after an interim 1xx answer): forget the previous headers.
            headers = [:]
            body = Data()
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd, Self.isSpace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, Self.isSpace(line[valueEnd - 1]) { valueEnd -= 1 }
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd])
        if Self.equalsIgnoringCase(name, "content-length"), let length = Int(String(decoding: value, as: UTF8.self)),
            length > 0, length <= Self.maxReservedBody
        {
            body.reserveCapacity(length)
        }
        guard keepsHeaders else { return }
        headers[Self.lowercased(name)] = String(decoding: value, as: UTF8.self)
    }

    /// The largest `Content-Length` trusted to size the body buffer up front (the largest payload Lambda allows).
    private static let maxReservedBody = 6 * 1024 * 1024 + 100

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func lowercased(_ name: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: name.count) { buffer in
            for (index, byte) in name.enumerated() {
                buffer[index] = lowerASCII(byte)
            }
            return name.count
        }
    }

    private static func equalsIgnoringCase(_ name: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard name.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return zip(name, expected).allSatisfy { lowerASCII($0) == $1 }
    }
}
