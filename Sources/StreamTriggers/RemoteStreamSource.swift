import DynamoDBEndpoint
import DynamoDBClient
import DynamoDBTypes
import EventSourceMapping
import Foundation

/// Another DynamoDB Streams endpoint a mapping may follow (`--streams-endpoint`): moto_server, DynamoDB Local
/// with streams, or AWS itself (signed with the standard credential variables).
public struct RemoteStreams: Sendable {
    /// The endpoint URL.
    public var endpoint: String
    /// The signing region.
    public var region: String
    /// How often an idle shard is polled (AWS polls four times a second).
    public var pollInterval: Duration

    /// A remote endpoint; credentials come from `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (or fixed test keys,
    /// which moto and DynamoDB Local accept).
    public init(endpoint: String, region: String, pollInterval: Duration = .milliseconds(250)) {
        self.endpoint = endpoint
        self.region = region
        self.pollInterval = pollInterval
    }

    func client() -> DynamoDBClient {
        let environment = ProcessInfo.processInfo.environment
        let credentials =
            AWSCredentials(environment: environment)
            ?? AWSCredentials(accessKeyID: "lambda-local", secretAccessKey: "lambda-local")
        return DynamoDBClient(
            configuration: DynamoDBClientConfiguration(
                endpoint: endpoint, streamsEndpoint: endpoint, region: region, credentials: credentials))
    }
}

/// A shard of a remote stream read through the Streams API (GetShardIterator + GetRecords). Remote endpoints
/// cannot notify, so an idle shard is polled every `pollInterval`. Only the newest open shard is followed.
struct RemoteStreamSource: StreamRecordSource {
    let client: DynamoDBClient
    let streamARN: String
    let shardID: String
    let partitionKey: String?
    let pollInterval: Duration

    /// Describes `streamARN` on `remote` and picks its newest open shard.
    static func open(streamARN: String, remote: RemoteStreams) async throws -> RemoteStreamSource {
        let client = remote.client()
        let description = try await client.describeStream(DescribeStreamInput(streamArn: streamARN)).streamDescription
        let shards = description?.shards ?? []
        guard let shard = (shards.last { $0.sequenceNumberRange?.endingSequenceNumber == nil } ?? shards.last)?.shardId
        else { throw RemoteStreamError(streamARN: streamARN, endpoint: remote.endpoint, message: "the stream has no shard") }
        let partitionKey = description?.keySchema?.first { $0.keyType == .hash }?.attributeName
        return RemoteStreamSource(
            client: client, streamARN: streamARN, shardID: shard, partitionKey: partitionKey,
            pollInterval: remote.pollInterval)
    }

    func records(after position: SequenceNumber?, limit: Int) async throws -> [StreamRecord] {
        let iterator = try await client.getShardIterator(
            GetShardIteratorInput(
                streamArn: streamARN, shardId: shardID,
                shardIteratorType: position == nil ? .trimHorizon : .afterSequenceNumber,
                sequenceNumber: position?.description)
        ).shardIterator
        guard let iterator else { return [] }
        let output = try await client.getRecords(GetRecordsInput(shardIterator: iterator, limit: min(limit, 1000)))
        return output.records ?? []
    }

    func waitForRecords(after position: SequenceNumber?) async throws {
        try await Task.sleep(for: pollInterval)
    }

    /// Reads the shard to its end: the Streams API has no "newest sequence number" call.
    func latestSequenceNumber() async throws -> SequenceNumber? {
        var position: SequenceNumber?
        while true {
            let page = try await records(after: position, limit: 1000)
            guard let last = page.last else { return position }
            position = try SequenceNumber(last.dynamodb.sequenceNumber)
        }
    }

    /// The Streams API cannot count records without reading them.
    func backlog(after position: SequenceNumber?) async throws -> Backlog? { nil }
}

/// A remote stream that cannot be followed.
struct RemoteStreamError: Error, CustomStringConvertible {
    let streamARN: String
    let endpoint: String
    let message: String

    var description: String { "\(streamARN) at \(endpoint): \(message)" }
}
