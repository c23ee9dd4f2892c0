import CCurl

/// Owns a libcurl header list (`"Name: value"` lines) and frees it; build one once to reuse it per request.
package final class CurlHeaderList {
    /// The list libcurl reads; nil when there are no lines.
    package let list: UnsafeMutablePointer<curl_slist>?

    /// Builds the list from `"Name: value"` lines.
    package init(_ lines: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            list = curl_slist_append(list, line)
        }
        self.list = list
    }

    /// The lines to send with a POST of `extraHeaders`.
    ///
    /// libcurl's default `Expect: 100-continue` for bodies over 1 KB would wait a second for a 100 answer, and its
    /// default form Content-Type would be a lie: send neither unless the caller sets a type.
    package static func postLines(_ extraHeaders: [String]) -> [String] {
        var lines = ["Expect:"] + extraHeaders
        if !extraHeaders.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
            lines.append("Content-Type:")
        }
        return lines
    }

    deinit {
        curl_slist_free_all(list)
    }
}
