import FunctionRunner
import DynamoDBEndpoint
import EventSourceMapping
import Foundation

/// The on-failure records kept under `<state>/failures/` (what `lambda-local failures` lists).
public struct FailureLog: Sendable {
    /// One discarded batch, with the file it was read from.
    public struct Entry: Sendable {
        public var file: String
        public var record: OnFailureRecord
        /// The record's line as stored (AWS's key order, unchanged).
        public var stored: String
    }

    /// Every record of every `.jsonl` file in `directory` whose name starts with `prefix` (all when `nil`),
    /// oldest first within each file, files in name order.
    ///
    /// - Throws: ``FailureLogError`` naming the file and line of a record that cannot be read.
    public static func read(directory: String, prefix: String? = nil) throws(FailureLogError) -> [Entry] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") && (prefix.map($0.hasPrefix) ?? true) }
            .sorted()
        var entries: [Entry] = []
        for file in files {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            for (index, line) in text.split(separator: "\n").enumerated() {
                do {
                    let record = try JSONDecoder().decode(OnFailureRecord.self, from: Data(line.utf8))
                    entries.append(Entry(file: path, record: record, stored: String(line)))
                } catch {
                    throw FailureLogError(file: path, line: index + 1, message: "not an on-failure record: \(error)")
                }
            }
        }
        return entries
    }
}

extension FailureLog.Entry {
    /// `2026-11-26T01:02:03.456Z  RetryAttemptsExhausted  3 invocations  1 record 1000…1000  function:Probe`.
    public var line: String {
        let info = record.batchInfo
        let range =
            info.startSequenceNumber == info.endSequenceNumber
            ? info.startSequenceNumber : "\(info.startSequenceNumber)…\(info.endSequenceNumber)"
        let function = record.requestContext.functionArn.split(separator: ":").last.map(String.init) ?? ""
        let count = record.requestContext.approximateInvokeCount
        return
            "\(record.timestamp)  \(record.requestContext.condition.rawValue)  \(count) invocation\(count == 1 ? "" : "s")  \(info.batchSize) record\(info.batchSize == 1 ? "" : "s") \(range)  \(function)  error: \(record.responseContext.functionError ?? "none")"
    }
}

/// A failure file that cannot be read.
public struct FailureLogError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public var description: String { "\(file):\(line): \(message)" }
}
