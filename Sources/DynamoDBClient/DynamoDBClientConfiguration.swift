import AWSRequest

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the client sends requests, how it signs them, and how it retries.
public struct DynamoDBClientConfiguration: Sendable, Hashable {
    /// The DynamoDB endpoint, e.g. `http://127.0.0.1:8000` or `https://dynamodb.us-east-1.amazonaws.com`.
    public var endpoint: String
    /// The DynamoDB Streams endpoint (the same server as `endpoint` when that is local).
    public var streamsEndpoint: String
    /// The signing region.
    public var region: String
    /// The signing credentials; nil sends requests unsigned (enough for a local emulator, refused by AWS).
    public var credentials: AWSCredentials?
    /// When to resend a failed request.
    public var retry: RetryPolicy
    /// How long a request may take before it fails as a transport error.
    public var timeout: Duration
    /// The most connections (and threads) the client opens.
    public var maximumConnections: Int

    /// Creates a configuration; the streams endpoint defaults to the DynamoDB endpoint.
    public init(
        endpoint: String,
        streamsEndpoint: String? = nil,
        region: String,
        credentials: AWSCredentials?,
        retry: RetryPolicy = RetryPolicy(),
        timeout: Duration = .seconds(60),
        maximumConnections: Int = 4
    ) {
        self.endpoint = endpoint
        self.streamsEndpoint = streamsEndpoint ?? endpoint
        self.region = region
        self.credentials = credentials
        self.retry = retry
        self.timeout = timeout
        self.maximumConnections = maximumConnections
    }

    /// The configuration the standard variables describe.
    ///
    /// - region: `AWS_REGION`, then `AWS_DEFAULT_REGION`, then `us-east-1`;
    /// - endpoint: `AWS_ENDPOINT_URL_DYNAMODB`, then `AWS_ENDPOINT_URL`, then `https://dynamodb.<region>.amazonaws.com`;
    /// - streams endpoint: `AWS_ENDPOINT_URL_DYNAMODB_STREAMS` (botocore's name), then
    ///   `AWS_ENDPOINT_URL_DYNAMODBSTREAMS`, then `AWS_ENDPOINT_URL_DYNAMODB`, then `AWS_ENDPOINT_URL`, then
    ///   `https://streams.dynamodb.<region>.amazonaws.com`;
    /// - credentials: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        let variables = AWSEnvironment(environment)
        return Self(
            endpoint: variables.endpoint(hostPrefix: "dynamodb", variables: ["AWS_ENDPOINT_URL_DYNAMODB"]),
            streamsEndpoint: variables.endpoint(
                hostPrefix: "streams.dynamodb",
                variables: [
                    "AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "AWS_ENDPOINT_URL_DYNAMODBSTREAMS", "AWS_ENDPOINT_URL_DYNAMODB",
                ]),
            region: variables.region, credentials: variables.credentials)
    }
}
