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
            if let view = table.streamViewType { line += "  stream \(view)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
