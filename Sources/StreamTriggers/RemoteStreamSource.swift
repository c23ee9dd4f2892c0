import DynamoDBEndpoint
import DynamoDBClient
import DynamoDBTypes
import EventSourceMapping
import Foundation
import Synchronization

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

extension RemoteStreams {
    /// The remote stream `streamARN`, followed through its shards' lineage (DescribeStream polled every second for
    /// the children of a closed shard), and its table's partition key attribute.
    ///
    /// - Throws: ``RemoteStreamError`` for a stream without shards; the client's errors.
    func open(streamARN: String) async throws -> (stream: DescribedStream, partitionKey: String?) {
        let client = client()
        let pollInterval = pollInterval
        let stream = DescribedStream(
            streamARN: streamARN, describe: { try await client.describeStream($0) },
            reader: { RemoteStreamSource(client: client, streamARN: streamARN, shardID: $0, pollInterval: pollInterval) },
            pollInterval: pollInterval * 4)
        let description = try await client.describeStream(DescribeStreamInput(streamArn: streamARN, limit: 1))
            .streamDescription
        guard description?.shards?.isEmpty == false else {
            throw RemoteStreamError(streamARN: streamARN, endpoint: endpoint, message: "the stream has no shard")
        }
        return (stream, description?.keySchema?.first { $0.keyType == .hash }?.attributeName)
    }
}

/// A shard of a remote stream read through the Streams API (GetShardIterator + GetRecords). Remote endpoints
/// cannot notify, so an idle shard is polled every `pollInterval`; a closed shard is read to its end when GetRecords
/// returns no `NextShardIterator`.
final class RemoteStreamSource: StreamRecordSource {
    let client: DynamoDBClient
    let streamARN: String
    let shardID: String
    let pollInterval: Duration
    /// The position after which GetRecords said the closed shard holds nothing more (`.some(nil)`: from its start).
    private let drainedAfter = Mutex<SequenceNumber??>(nil)

    init(client: DynamoDBClient, streamARN: String, shardID: String, pollInterval: Duration) {
        self.client = client
        self.streamARN = streamARN
        self.shardID = shardID
        self.pollInterval = pollInterval
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
        let records = output.records ?? []
        if output.nextShardIterator == nil {
            let end = try records.last.map { try SequenceNumber($0.dynamodb.sequenceNumber) } ?? position
            drainedAfter.withLock { $0 = .some(end) }
        }
        return records
    }

    /// Waits one poll interval; throws ``ShardEnded`` when the shard was read to its end after `position`.
    func waitForRecords(after position: SequenceNumber?) async throws {
        if let drained = drainedAfter.withLock({ $0 }), drained == position {
            throw ShardEnded(streamARN: streamARN, shardID: shardID)
        }
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
