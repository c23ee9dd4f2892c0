import Crypto
import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`), as botocore's `SigV4Auth` does.
///
/// Every header is signed except hop-by-hop ones and `User-Agent`; the host comes from the URL when the request
/// has no `Host` header. The payload is always hashed (never `UNSIGNED-PAYLOAD`).
public struct SigV4Signer: Sendable {
    /// The key pair (and session token) to sign with.
    public var credentials: AWSCredentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The signing name in the credential scope, e.g. `dynamodb` (DynamoDB Streams signs as `dynamodb` too).
    public var service: String

    /// Creates a signer.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Returns `request` with `Host` (when missing), `X-Amz-Date`, `X-Amz-Security-Token` (with a session token) and
    /// `Authorization` set for the time `date`; earlier values of those headers are replaced.
    public func sign(_ request: HTTPRequest, date: Date) -> HTTPRequest {
        var signed = request
        let replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]
        signed.headers.removeAll { replaced.contains($0.name.lowercased()) }
        let url = EndpointURL(request.url)
        if signed.header("Host") == nil, let url {
            signed.headers.insert(HTTPHeader("Host", url.hostHeader), at: 0)
        }
        let timestamp = Self.timestamp(date)
        signed.headers.append(HTTPHeader("X-Amz-Date", timestamp))
        if let token = credentials.sessionToken {
            signed.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }
        let (canonical, signedHeaderNames) = Self.canonicalRequest(signed, url: url)
        let day = String(timestamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope)\n\(Self.hexSHA256(Data(canonical.utf8)))"
        let signature = Self.hex(
            HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(day: day)))
        signed.headers.append(
            HTTPHeader(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
                    + "SignedHeaders=\(signedHeaderNames), Signature=\(signature)"))
        return signed
    }

    /// The canonical request of `request` and its `SignedHeaders` list (`a;b;c`).
    static func canonicalRequest(_ request: HTTPRequest, url: EndpointURL?) -> (text: String, signedHeaders: String) {
        var values: [String: [String]] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            guard !unsignedHeaders.contains(name) else { continue }
            values[name, default: []].append(trimAll(header.value))
        }
        let names = values.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [
            request.method.rawValue,
            canonicalPath(url?.path ?? "/"),
            canonicalQuery(url?.query ?? ""),
            canonicalHeaders,
            signedHeaders,
            hexSHA256(request.body),
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The key for `day` (`yyyyMMdd`): HMACs of the date, region, service and `aws4_request` in turn.
    private func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// Headers botocore never signs: hop-by-hop ones, `User-Agent` and `X-Amzn-Trace-Id`.
    private static let unsignedHeaders: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted)
            .format(date)
    }

    /// Leading and trailing whitespace removed, inner runs collapsed to one space.
    private static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Dot segments and empty segments removed (AWS services require it), then every byte but unreserved ones and
    /// `/` percent-encoded — so an already-encoded `%20` is sent as `%2520`, as botocore does.
    private static func canonicalPath(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        var normalized = path.hasPrefix("/") ? "/" : ""
        normalized += segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        return percentEncode(normalized, keeping: UInt8(ascii: "/"))
    }

    /// `name=value` pairs as written, sorted by name then value.
    private static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            guard let equals = pair.firstIndex(of: "=") else { return (String(pair), "") }
            return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { "\($0.0)=\($0.1)" }.joined(
            separator: "&")
    }

    private static func percentEncode(_ text: String, keeping extra: UInt8) -> String {
        var output = ""
        for byte in text.utf8 {
            if isUnreserved(byte) || byte == extra {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + hexByte(byte).uppercased()
            }
        }
        return output
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    static func hexSHA256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map(hexByte).joined()
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
