import EventSourceMapping
import Foundation

extension MappingStatus {
    /// The lines `lambda-local status` prints for this mapping.
    public var lines: [String] {
        var lines = ["\(name)  \(state)  \(lastProcessingResult)  (UUID \(uuid))"]
        lines.append("  stream       \(eventSourceARN)")
        lines.append("  function     \(functionARN)")
        let behind = recordsBehind.map { "\($0) record\($0 == 1 ? "" : "s")" } ?? "unknown (remote stream)"
        let age = oldestRecordAgeSeconds.map { ", oldest \($0) s old" } ?? ""
        lines.append("  behind       \(behind)\(age)")
        lines.append(
            "  invocations  \(invocations) (\(retries) retr\(retries == 1 ? "y" : "ies")), batches \(batches), records OK \(recordsSucceeded), filtered out \(recordsFiltered)"
        )
        lines.append("  failures     \(failures) record\(failures == 1 ? "" : "s")\(onFailureDestination.map { " → \($0)" } ?? "")")
        if let lastBatchAt {
            lines.append("  last batch   \(lastBatchAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))")
        }
        return lines
    }
}
