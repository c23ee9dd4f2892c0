#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension ProbeHandler {
    /// Handles a DynamoDB stream batch: logs its sequence numbers, the records' keys and when it began (`receivedAt`,
    /// Unix epoch microseconds) to `PROBE_LOG`, throws on a record whose NewImage has `poison` = `{"BOOL": true}`,
    /// else reports records with `partial` = `{"BOOL": true}` as failures.
    func streamBatch(_ records: [JSONValue]) throws -> JSONValue {
        let receivedAt = Self.epochMicroseconds()
        let sequenceNumbers = records.map { $0["dynamodb"]?["SequenceNumber"]?.stringValue ?? "" }
        if let logPath {
            try appendLine(
                [
                    "sequenceNumbers": .array(sequenceNumbers.map(JSONValue.string)),
                    "count": .number(Double(records.count)),
                    "receivedAt": .number(Double(receivedAt)),
                    "keys": .array(records.map { $0["dynamodb"]?["Keys"] ?? .null }),
                ],
                to: logPath
            )
        }
        let flagged: (String) -> [String] = { attribute in
            zip(records, sequenceNumbers).compactMap { record, sequenceNumber in
                record["dynamodb"]?["NewImage"]?[attribute] == ["BOOL": .bool(true)] ? sequenceNumber : nil
            }
        }
        if let poison = flagged("poison").first {
            throw ProbeError("poison record \(poison)")
        }
        return ["batchItemFailures": .array(flagged("partial").map { ["itemIdentifier": .string($0)] })]
    }

    /// The wall clock in microseconds since 1970 (comparable with other processes' `CLOCK_REALTIME`).
    private static func epochMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }

    private func appendLine(_ value: JSONValue, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else {
            throw ProbeError("cannot open PROBE_LOG \"\(path)\": errno \(errno)")
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw ProbeError("cannot append to PROBE_LOG \"\(path)\": errno \(errno)")
        }
    }
}
