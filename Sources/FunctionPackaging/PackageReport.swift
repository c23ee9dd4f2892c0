/// What `lambda-local package` prints: each zip with its size and contents, then the packaged template.
public enum PackageReport {
    /// One block per zip (its entries with mode and size) and a last line naming the template.
    public static func text(_ packaged: [FunctionPackager.PackagedFunction], templatePath: String) -> String {
        var lines: [String] = []
        for function in packaged {
            let origin = function.built ? "built in release with --static-swift-stdlib" : "bootstrap zipped as it is"
            lines.append("\(function.zipPath)  \(grouped(function.zipSize)) bytes  (\(function.logicalID), \(origin))")
            for entry in function.entries {
                lines.append("  \(String(entry.permissions, radix: 8))  \(pad(grouped(entry.size), 12))  \(entry.path)")
            }
            for problem in function.loadProblems {
                lines.append("  warning: would not load on provided.al2023: \(problem)")
            }
            if !function.bundledLibraries.isEmpty {
                lines.append("  bundled (not in provided.al2023): \(function.bundledLibraries.joined(separator: ", "))")
            }
        }
        lines.append("Packaged template: \(templatePath)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
