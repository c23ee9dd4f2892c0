import FunctionRunner
import DynamoDBEndpoint
import Foundation
import SAMTemplate
import StreamTriggers

/// Where an asynchronous invocation's record goes when it ends: a destination that is one of the template's
/// functions gets it as an `Event` invocation (queued like any other); any other destination (SQS, SNS, EventBridge,
/// a function not in the template), and a failed event with no `OnFailure`, is a JSON Lines file under
/// `<state>/failures/async/` (`<destination name>.jsonl`, or `<Function>.discarded.jsonl`), fsynced before the event
/// leaves the queue. In-memory sessions print the record instead.
struct AsyncDestinations: Sendable {
    /// What the last attempt answered.
    struct Answer: Sendable {
        var payload: Data
        var functionError: String?
    }

    let store: AsyncEventStore
    let registry: FunctionRegistry
    let configs: [String: EventInvokeConfig]
    let region: String
    let accountID: String
    let failuresDirectory: String?
    let console: Console

    /// Sends `event`'s record where its function's `EventInvokeConfig` says (successes only to an `OnSuccess`).
    func deliver(_ event: QueuedEvent, condition: String, attempts: Int, result: Answer?, success: Bool) async throws {
        let config = configs[event.function] ?? EventInvokeConfig()
        let target = success ? config.onSuccess : config.onFailure
        if success && target == nil { return }
        let record = AsyncDestinationRecord(
            timestamp: Date(), requestID: event.requestID,
            functionARN: "arn:aws:lambda:\(region):\(accountID):function:\(event.function):$LATEST",
            condition: condition, approximateInvokeCount: attempts, requestPayload: event.payload,
            functionError: result?.functionError, responsePayload: result?.payload
        ).json()
        if let target, target.kind == .lambda, let pool = registry.pool(named: FunctionName.parse(target.arn).name) {
            let queued = QueuedEvent.accepted(function: pool.configuration.name, payload: record, clientContext: nil)
            try await store.enqueue(queued)
            console.write(
                line: "lambda-local: asynchronous invocation \(event.requestID) of \(event.function): \(condition), "
                    + "record sent to \(pool.configuration.name) (request \(queued.requestID))")
            return
        }
        let name = target.map { Self.destinationName($0.arn) } ?? "\(event.function).discarded"
        guard let failuresDirectory else {
            console.write(line: "lambda-local: asynchronous invocation record: \(String(decoding: record, as: UTF8.self))")
            return
        }
        let path = URL(fileURLWithPath: failuresDirectory).appendingPathComponent(FailureFile.fileName(for: name)).path
        try FailureFile.append(record + Data("\n".utf8), to: path)
        console.write(
            line: "lambda-local: asynchronous invocation \(event.requestID) of \(event.function): \(condition), "
                + "record written to \(path)")
    }

    /// The last part of an ARN (a queue's, topic's or bus's name).
    static func destinationName(_ arn: String) -> String {
        let last = arn.split(separator: ":").last.map(String.init) ?? arn
        return last.split(separator: "/").last.map(String.init) ?? last
    }
}
