import SAMTemplate

/// Adds a function's `AWS::Serverless::Function` resource at the end of the template's `Resources` by inserting
/// text in the template's own indentation; the rest of the file is kept byte for byte.
public enum TemplateEdit {
    /// `template` with the resource for `names` added; with `streamTable` (a table's logical ID) it gets a
    /// `DynamoDB` event on that table's stream.
    /// - Throws: ``ScaffoldError`` when the resource exists or `Resources` cannot be found.
    public static func adding(
        _ names: FunctionNames, streamTable: String?, to template: String, path: String
    ) throws(ScaffoldError) -> String {
        let scanner = TextScanner(template)
        guard let root = scanner.text.firstIndex(of: "{"),
            let resources = scanner.memberValue("Resources", inObjectAt: root), scanner.text[resources] == "{",
            let close = scanner.matchingClose(of: resources)
        else {
            throw .unexpectedShape(file: path, "no \"Resources\" object at the top level")
        }
        if scanner.memberValue(names.function, inObjectAt: resources) != nil {
            throw .exists("\(path): resource \"\(names.function)\"")
        }
        let closeIndent = scanner.indentation(ofLineAt: close)
        let unit = closeIndent.isEmpty ? "  " : closeIndent
        let resourceIndent = closeIndent + unit
        var properties = [
            "\"Handler\": \"\(names.function)\"",
            "\"CodeUri\": \"\(names.codeURI)\"",
            "\"Description\": \"Created by lambda-local new\"",
        ]
        if let streamTable {
            let i = String(repeating: unit, count: 1)
            properties.append(
                """
                "Events": {
                \(i)"Stream": {
                \(i)\(i)"Type": "DynamoDB",
                \(i)\(i)"Properties": {
                \(i)\(i)\(i)"Stream": { "Fn::GetAtt": ["\(streamTable)", "StreamArn"] },
                \(i)\(i)\(i)"StartingPosition": "TRIM_HORIZON",
                \(i)\(i)\(i)"BatchSize": 10,
                \(i)\(i)\(i)"FunctionResponseTypes": ["ReportBatchItemFailures"]
                \(i)\(i)}
                \(i)}
                }
                """)
        }
        let propertyIndent = resourceIndent + unit + unit
        let body = properties.map { property in
            property.split(separator: "\n", omittingEmptySubsequences: false).map { propertyIndent + $0 }
                .joined(separator: "\n")
        }.joined(separator: ",\n")
        let resource = [
            "\(resourceIndent)\"\(names.function)\": {",
            "\(resourceIndent)\(unit)\"Type\": \"AWS::Serverless::Function\",",
            "\(resourceIndent)\(unit)\"Properties\": {",
            body,
            "\(resourceIndent)\(unit)}",
            "\(resourceIndent)}",
        ].joined(separator: "\n")
        guard let last = scanner.lastNonSpace(before: close) else {
            throw .unexpectedShape(file: path, "\"Resources\" is not a closed object")
        }
        let separator = scanner.text[last] == "{" ? "" : ","
        return scanner.replacing((last + 1)..<close, with: "\(separator)\n\(resource)\n\(closeIndent)")
    }
}
