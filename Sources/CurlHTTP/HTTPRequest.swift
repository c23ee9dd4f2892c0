#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One header of a request: a name (sent as given) and a value.
public struct HTTPHeader: Sendable, Hashable {
    /// The header name, e.g. `Content-Type`.
    public var name: String
    /// The header value, without the leading space.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP/1.1 request: method, absolute URL, headers in sending order, and body.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    /// The method.
    public var method: Method
    /// The absolute URL, e.g. `http://127.0.0.1:8000/`.
    public var url: String
    /// The headers, in the order they are sent.
    public var headers: [HTTPHeader]
    /// The body; empty for none.
    public var body: Data

    /// Creates a request.
    public init(method: Method, url: String, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name` (compared case-insensitively), if any.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
