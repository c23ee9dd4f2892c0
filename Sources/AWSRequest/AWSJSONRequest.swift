import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An AWS JSON-protocol request (JSON 1.0 for DynamoDB, 1.1 for Cognito and others): a POST to the service's
/// endpoint naming the operation in `X-Amz-Target`, signed with SigV4 when credentials are given.
public struct AWSJSONRequest: Sendable, Hashable {
    /// The service's endpoint, e.g. `https://cognito-idp.us-east-1.amazonaws.com`.
    public var endpoint: String
    /// The whole `X-Amz-Target`, e.g. `AWSCognitoIdentityProviderService.ListUsers`.
    public var target: String
    /// The protocol version: `1.0` or `1.1`.
    public var jsonVersion: String
    /// The JSON body.
    public var body: Data

    /// Creates a request.
    public init(endpoint: String, target: String, jsonVersion: String, body: Data) {
        self.endpoint = endpoint
        self.target = target
        self.jsonVersion = jsonVersion
        self.body = body
    }

    /// `application/x-amz-json-<version>`.
    public var contentType: String { "application/x-amz-json-\(jsonVersion)" }

    /// The HTTP request, signed for `region` and `signingName` at `date` when `credentials` are given and unsigned
    /// otherwise (which a local emulator accepts).
    public func httpRequest(credentials: AWSCredentials?, region: String, signingName: String, date: Date)
        -> HTTPRequest
    {
        let request = HTTPRequest(
            method: .post, url: endpoint,
            headers: [HTTPHeader("Content-Type", contentType), HTTPHeader("X-Amz-Target", target)], body: body)
        guard let credentials else { return request }
        return SigV4Signer(credentials: credentials, region: region, service: signingName).sign(request, date: date)
    }

    /// The code of an error body's `__type`: the part after the last `#` (`com.amazonaws...#UserNotFound` →
    /// `UserNotFound`), or the whole type when it has none.
    public static func errorCode(fromType type: String) -> String {
        type.split(separator: "#", omittingEmptySubsequences: false).last.map(String.init) ?? type
    }
}
