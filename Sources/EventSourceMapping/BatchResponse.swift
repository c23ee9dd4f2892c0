import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How Lambda reads a stream function's response when `ReportBatchItemFailures` is on
/// (streams-and-triggers.md §3.4).
enum BatchResponse: Equatable {
    /// Every record succeeded (`[]`, `null`, `{}`, an empty or null `batchItemFailures`, or no response at all).
    case success
    /// Records from the lowest reported one onward must be retried.
    case partialFailure(lowest: SequenceNumber)
    /// The response is not a valid report (an empty, null, foreign or malformed `itemIdentifier`, bad JSON):
    /// the whole batch failed. The text says why.
    case invalid(String)

    /// Interprets `payload`, returned for `batch` (whose sequence numbers are the valid identifiers).
    init(payload: [UInt8], batch: [StreamRecord]) {
        let isSpace: (UInt8) -> Bool = { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
        guard let first = payload.first(where: { !isSpace($0) }) else {
            self = .success
            return
        }
        guard first == UInt8(ascii: "{") else {
            // `[]`, `null`, a string or a number: valid JSON that reports nothing.
            let valid = (try? JSONDecoder().decode(AnyJSONValue.self, from: Data(payload))) != nil
            self = valid ? .success : .invalid("the response is not JSON")
            return
        }
        let response: StreamsEventResponse
        do {
            response = try JSONDecoder().decode(StreamsEventResponse.self, from: Data(payload))
        } catch {
            self = .invalid("batchItemFailures is not a list of {\"itemIdentifier\": \"<SequenceNumber>\"}")
            return
        }
        guard !response.batchItemFailures.isEmpty else {
            self = .success
            return
        }
        let inBatch = Set(batch.map(\.dynamodb.sequenceNumber))
        var lowest: SequenceNumber?
        for failure in response.batchItemFailures {
            guard inBatch.contains(failure.itemIdentifier), let number = try? SequenceNumber(failure.itemIdentifier)
            else {
                self = .invalid("itemIdentifier \"\(failure.itemIdentifier)\" is not a SequenceNumber of the batch")
                return
            }
            lowest = min(lowest ?? number, number)
        }
        self = lowest.map { .partialFailure(lowest: $0) } ?? .success
    }
}

/// Accepts any JSON value (to tell valid JSON from garbage).
private struct AnyJSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            while !array.isAtEnd { _ = try array.decode(AnyJSONValue.self) }
            return
        }
        if let object = try? decoder.container(keyedBy: NameKey.self) {
            for key in object.allKeys { _ = try object.decode(AnyJSONValue.self, forKey: key) }
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { return }
        if (try? value.decode(Bool.self)) != nil { return }
        if (try? value.decode(Double.self)) != nil { return }
        _ = try value.decode(String.self)
    }
}
