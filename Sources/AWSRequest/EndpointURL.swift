/// The parts of an absolute `http`/`https` URL that signing needs.
public struct EndpointURL: Sendable, Hashable {
    /// `http` or `https`, lowercased.
    public let scheme: String
    /// The host, lowercased; an IPv6 address keeps its brackets.
    public let host: String
    /// The explicit port, if the URL has one.
    public let port: Int?
    /// The path as written (percent-encoded), `/` when empty.
    public let path: String
    /// The query as written, without `?`; empty when absent.
    public let query: String

    /// Parses `text`; nil unless it is `scheme://host[:port][/path][?query]` with an http(s) scheme.
    public init?(_ text: String) {
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = text[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let hostPart: Substring
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostPart = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        } else {
            hostPart = authority
        }
        guard !hostPart.isEmpty else { return nil }
        var port: Int?
        if let portPart, !portPart.isEmpty {
            guard let number = Int(portPart), (0...65535).contains(number) else { return nil }
            port = number
        }
        let pathAndQuery = rest[authorityEnd...]
        let queryStart = pathAndQuery.firstIndex(of: "?")
        let path = queryStart.map { pathAndQuery[..<$0] } ?? pathAndQuery
        self.scheme = scheme
        self.host = hostPart.lowercased()
        self.port = port
        self.path = path.isEmpty ? "/" : String(path)
        self.query = queryStart.map { String(pathAndQuery[pathAndQuery.index(after: $0)...]) } ?? ""
    }

    /// The `Host` header value: the host, with the port unless it is the scheme's default.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// Whether the host is this machine (no proxy should ever be used for it).
    public var isLoopback: Bool {
        host == "localhost" || host == "[::1]" || host.hasPrefix("127.")
    }
}
