import AWSRequest
import CurlHTTP
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DynamoDB (and DynamoDB Streams) over HTTP: JSON 1.0 requests signed with SigV4, sent through libcurl, with
/// retries on throttling, 5xx answers and transport failures.
///
/// ```swift
/// let dynamoDB = DynamoDBClient()  // endpoint, region and credentials from the environment
/// let output = try await dynamoDB.getItem(GetItemInput(tableName: "t", key: ["pk": .s("a")]))
/// ```
public struct DynamoDBClient: DynamoDBOperations {
    /// Where requests go, how they are signed and retried.
    public let configuration: DynamoDBClientConfiguration
    private let transport: any HTTPTransport
    private let sleep: @Sendable (Duration) async -> Void
    private let now: @Sendable () -> Date
    private let jitter: @Sendable () -> Double

    /// A client configured by `configuration` (by default from the environment) over its own libcurl connections.
    public init(configuration: DynamoDBClientConfiguration = .fromEnvironment()) {
        let local = EndpointURL(configuration.endpoint)?.isLoopback ?? false
        let transport = CurlHTTPClient(
            configuration: CurlHTTPClient.Configuration(
                maximumConnections: configuration.maximumConnections,
                timeout: configuration.timeout,
                usesEnvironmentProxy: !local,
                userAgent: Self.userAgent))
        self.init(configuration: configuration, transport: transport)
    }

    /// A client over `transport`, with injectable time: `sleep` waits between attempts, `now` dates signatures, and
    /// `jitter` returns the fraction (0…1) of the backoff ceiling to wait.
    public init(
        configuration: DynamoDBClientConfiguration,
        transport: any HTTPTransport,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleep = sleep
        self.now = now
        self.jitter = jitter
    }

    /// The `User-Agent` the client sends.
    public static let userAgent = "LambdaLocal-DynamoDBClient/1.0 libcurl"

    /// Sends `input` as the operation `target` names (`DynamoDB_20120810.PutItem`) and decodes the answer,
    /// retrying as `configuration.retry` allows.
    /// - Throws: `DynamoDBClientError`: `.service` for DynamoDB's errors, `.transport` when no answer arrived,
    ///   `.invalidResponse` for an answer that is not DynamoDB's.
    func call<Input: Encodable, Output: Decodable>(_ target: WireTarget, _ input: Input)
        async throws(DynamoDBClientError) -> Output
    {
        let body: Data
        do {
            body = try JSONEncoder.dynamoDB.encode(input)
        } catch {
            throw .transport("could not encode the \(target.operation) request: \(error)")
        }
        let attempts = max(1, configuration.retry.maximumAttempts)
        var attempt = 1
        while true {
            let failure: DynamoDBClientError
            let status: Int?
            switch await Self.result(of: transport, request(target, body: body)) {
            case .success(let response) where (200..<300).contains(response.status):
                return try Self.decodeOutput(Output.self, target, response)
            case .success(let response):
                failure = Self.decodeError(response)
                status = response.status
            case .failure(let error):
                failure = .transport(error.message)
                status = nil
            }
            guard attempt < attempts, RetryPolicy.isRetryable(failure, status: status), !Task.isCancelled else {
                throw failure
            }
            let ceiling = configuration.retry.delayCeiling(afterAttempt: attempt)
            await sleep(ceiling * min(1, max(0, jitter())))
            attempt += 1
        }
    }

    /// The signed HTTP request carrying `body` to the endpoint of `target`.
    func request(_ target: WireTarget, body: Data) -> HTTPRequest {
        AWSJSONRequest(
            endpoint: target.isStreams ? configuration.streamsEndpoint : configuration.endpoint,
            target: target.headerValue, jsonVersion: WireTarget.jsonVersion, body: body
        ).httpRequest(
            credentials: configuration.credentials, region: configuration.region, signingName: WireTarget.signingName,
            date: now())
    }

    private static func result(of transport: any HTTPTransport, _ request: HTTPRequest) async
        -> Result<HTTPResponse, HTTPClientError>
    {
        do {
            return .success(try await transport.send(request))
        } catch {
            return .failure(error)
        }
    }

    private static func decodeOutput<Output: Decodable>(
        _ type: Output.Type, _ target: WireTarget, _ response: HTTPResponse
    ) throws(DynamoDBClientError) -> Output {
        do {
            return try JSONDecoder().decode(Output.self, from: response.body)
        } catch {
            let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw .invalidResponse("the \(target.operation) answer is not its output shape (\(error)): \(text)")
        }
    }
}

extension JSONEncoder {
    /// Compact JSON with sorted keys, so a request's bytes (and signature) do not depend on dictionary order.
    fileprivate static var dynamoDB: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
