import AWSRequest
import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The part of Cognito user pools (`cognito-idp`) Cruddur's scripts use: `ListUsers`, as signed AWS JSON 1.1
/// requests through libcurl.
public struct CognitoClient: Sendable {
    /// The endpoint, e.g. `https://cognito-idp.us-east-1.amazonaws.com` or a local moto_server.
    public let endpoint: String
    /// The signing region.
    public let region: String
    /// The signing credentials; nil sends unsigned requests (which only a local stand-in accepts).
    public let credentials: AWSCredentials?
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    /// A client over `transport` (tests pass a fake); `now` dates the signatures.
    public init(
        endpoint: String, region: String, credentials: AWSCredentials?, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.now = now
    }

    /// A client over libcurl whose region, credentials and endpoint come from the standard variables
    /// (`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, then `AWS_ENDPOINT_URL`, then the region's endpoint), unless
    /// `endpoint` is given.
    public init(endpoint: String? = nil, environment: AWSEnvironment = AWSEnvironment()) {
        let resolved =
            endpoint
            ?? environment.endpoint(
                hostPrefix: "cognito-idp", variables: ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"])
        let transport = CurlHTTPClient(
            configuration: CurlHTTPClient.Configuration(
                maximumConnections: 1, timeout: .seconds(30),
                usesEnvironmentProxy: !(EndpointURL(resolved)?.isLoopback ?? false),
                userAgent: "LambdaLocal-CognitoClient/1.0 libcurl"))
        self.init(
            endpoint: resolved, region: environment.region, credentials: environment.credentials, transport: transport)
    }

    /// One page of `ListUsers` (at most 60 users, Cognito's limit) and the token of the next page, if any.
    public struct ListUsersPage: Sendable, Hashable, Decodable {
        /// The users of this page.
        public var users: [CognitoUser]
        /// Where the next page starts; nil on the last page.
        public var paginationToken: String?

        enum CodingKeys: String, CodingKey {
            case users = "Users"
            case paginationToken = "PaginationToken"
        }

        /// Decodes a page; a page without `Users` has none.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            users = try container.decodeIfPresent([CognitoUser].self, forKey: .users) ?? []
            let token = try container.decodeIfPresent(String.self, forKey: .paginationToken)
            paginationToken = token?.isEmpty == false ? token : nil
        }
    }

    /// One `ListUsers` page of the pool `userPoolID`, from `paginationToken`.
    ///
    /// - Throws: ``CognitoClientError``: `.unreachable` naming the endpoint, `.service` for Cognito's errors (an
    ///   unknown pool is `ResourceNotFoundException`), `.invalidResponse` for an answer that is not Cognito's.
    public func listUsers(userPoolID: String, paginationToken: String? = nil) async throws(CognitoClientError)
        -> ListUsersPage
    {
        var input: [String: String] = ["UserPoolId": userPoolID]
        input["PaginationToken"] = paginationToken
        let body: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            body = try encoder.encode(input)
        } catch {
            throw .invalidResponse("could not encode the ListUsers request: \(error)")
        }
        let request = AWSJSONRequest(
            endpoint: endpoint, target: "AWSCognitoIdentityProviderService.ListUsers", jsonVersion: "1.1", body: body
        ).httpRequest(credentials: credentials, region: region, signingName: "cognito-idp", date: now())
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .unreachable("Cognito at \(endpoint) cannot be reached: \(error.message)")
        }
        guard (200..<300).contains(response.status) else { throw Self.decodeError(response) }
        do {
            return try JSONDecoder().decode(ListUsersPage.self, from: response.body)
        } catch {
            throw .invalidResponse(
                "the ListUsers answer of \(endpoint) is not Cognito's (\(error)): "
                    + String(decoding: response.body.prefix(200), as: UTF8.self))
        }
    }

    /// Every user of the pool, reading page after page until Cognito returns no `PaginationToken`.
    ///
    /// - Throws: ``CognitoClientError`` as ``listUsers(userPoolID:paginationToken:)``.
    public func allUsers(userPoolID: String) async throws(CognitoClientError) -> [CognitoUser] {
        var users: [CognitoUser] = []
        var token: String?
        repeat {
            let page = try await listUsers(userPoolID: userPoolID, paginationToken: token)
            users += page.users
            token = page.paginationToken
        } while token != nil
        return users
    }

    /// Cognito's error body (`__type`, `message`), or `.invalidResponse` naming the status and the body's start.
    static func decodeError(_ response: HTTPResponse) -> CognitoClientError {
        struct Body: Decodable {
            let type: String
            let message: String?
            enum CodingKeys: String, CodingKey {
                case type = "__type"
                case message
            }
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: response.body) else {
            return .invalidResponse(
                "HTTP \(response.status) without a Cognito error body: "
                    + "\"\(String(decoding: response.body.prefix(200), as: UTF8.self))\"")
        }
        return .service(code: AWSJSONRequest.errorCode(fromType: body.type), message: body.message ?? "")
    }
}
