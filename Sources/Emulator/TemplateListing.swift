import FunctionRunner
import StreamTriggers
import SAMTemplate

/// The text `lambda-local list` prints: each function and table with what matters when running it.
public enum TemplateListing {
    /// One line per function and per table.
    public static func text(for workspace: Workspace) -> String {
        var lines: [String] = ["Functions:"]
        for function in workspace.template.functions {
            let executable = workspace.builder.executable(handler: function.handler, codeURI: function.codeURI)
            let kind: String
            switch executable {
            case .bootstrap: kind = "bootstrap"
            case .swiftProduct(let name, _): kind = "swift product \(name)"
            }
            var line = "  \(function.logicalID)"
            if function.functionName != function.logicalID { line += " (\(function.functionName))" }
            line += "  \(function.runtime.rawValue)  \(kind)  timeout \(function.timeout)s  memory \(function.memorySize) MB"
            let streams = function.streamEvents.count
            if streams > 0 { line += "  \(streams) DynamoDB event\(streams == 1 ? "" : "s")" }
            lines.append(line)
        }
        lines.append("Tables:")
        if workspace.template.tables.isEmpty { lines.append("  (none)") }
        for table in workspace.template.tables {
            var line = "  \(table.logicalID)"
            if table.tableName != table.logicalID { line += " (\(table.tableName))" }
            if let view = table.streamViewType { line += "  stream \(view.rawValue)" }
            lines.append(line)
        }
        let mappings = MappingDeclaration.all(in: workspace.template)
        if !mappings.isEmpty {
            lines.append("Event source mappings:")
            lines += mappings.map { "  " + Self.describe($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `MessagingStream.Stream  MessagesTable stream  TRIM_HORIZON  batch 100  retries 3  bisect  …`.
    static func describe(_ mapping: MappingDeclaration) -> String {
        let event = mapping.event
        var parts = [mapping.name]
        switch event.stream {
        case .table(let reference): parts.append("\(reference.tableLogicalID) stream")
        case .arn(let arn): parts.append(arn)
        }
        parts.append(event.startingPosition.rawValue)
        parts.append("batch \(event.batchSize)")
        if event.maximumBatchingWindowInSeconds > 0 { parts.append("window \(event.maximumBatchingWindowInSeconds)s") }
        parts.append(event.maximumRetryAttempts < 0 ? "retries until expiry" : "retries \(event.maximumRetryAttempts)")
        if event.maximumRecordAgeInSeconds >= 0 { parts.append("max age \(event.maximumRecordAgeInSeconds)s") }
        if event.bisectBatchOnFunctionError { parts.append("bisect") }
        if event.parallelizationFactor > 1 { parts.append("parallelization \(event.parallelizationFactor)") }
        if event.reportBatchItemFailures { parts.append("ReportBatchItemFailures") }
        if !event.filters.isEmpty { parts.append("\(event.filters.count) filter\(event.filters.count == 1 ? "" : "s")") }
        if event.onFailure != nil { parts.append("on failure → \(mapping.destinationName)") }
        if !event.enabled { parts.append("disabled") }
        return parts.joined(separator: "  ")
    }
}
