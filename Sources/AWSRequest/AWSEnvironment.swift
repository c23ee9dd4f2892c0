#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The region, endpoints and credentials the standard AWS variables describe, for any service.
public struct AWSEnvironment: Sendable {
    /// The variables read.
    public let variables: [String: String]

    /// Reads `variables` (by default the process environment).
    public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.variables = variables
    }

    /// The first of `names` that is set and not empty.
    public func value(_ names: String...) -> String? {
        value(names)
    }

    /// The first of `names` that is set and not empty.
    public func value(_ names: [String]) -> String? {
        names.lazy.compactMap { variables[$0] }.first { !$0.isEmpty }
    }

    /// `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `us-east-1`.
    public var region: String {
        value("AWS_REGION", "AWS_DEFAULT_REGION") ?? "us-east-1"
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`; nil unless both keys are set.
    public var credentials: AWSCredentials? {
        AWSCredentials(environment: variables)
    }

    /// A service's endpoint: the first set variable of `variables` (e.g. `AWS_ENDPOINT_URL_DYNAMODB`), then
    /// `AWS_ENDPOINT_URL`, then `https://<hostPrefix>.<region>.amazonaws.com` (`.com.cn` in China regions).
    public func endpoint(hostPrefix: String, variables names: [String]) -> String {
        value(names + ["AWS_ENDPOINT_URL"]) ?? Self.defaultEndpoint(hostPrefix: hostPrefix, region: region)
    }

    /// `https://<hostPrefix>.<region>.amazonaws.com`, or `.amazonaws.com.cn` for a `cn-` region.
    public static func defaultEndpoint(hostPrefix: String, region: String) -> String {
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return "https://\(hostPrefix).\(region).\(domain)"
    }
}
