import Foundation
import SAMTemplate

/// `lambda-local new NAME [--stream TABLE]`: writes a function's handler library, executable, test and sample event,
/// and inserts its entries into `Package.swift` and its resource into the template.
public struct FunctionScaffold: Sendable {
    /// The names derived from the function's name.
    public let names: FunctionNames
    /// The folder holding `Package.swift`.
    public let packageRoot: String
    /// The loaded template (its tables, region and account).
    public let template: Template
    /// The logical ID of the table whose stream triggers the function, if any.
    public let streamTable: String?

    /// Prepares a scaffold; `stream` names a table by logical ID or `TableName`.
    /// - Throws: ``ScaffoldError/table(_:)`` when `stream` names no table of the template or one without a stream.
    public init(names: FunctionNames, packageRoot: String, template: Template, stream: String?) throws(ScaffoldError) {
        self.names = names
        self.packageRoot = packageRoot
        self.template = template
        if let stream {
            guard let table = template.table(named: stream) else {
                throw .table(
                    "\(template.path): no table \"\(stream)\" in Resources; expected one of: "
                        + template.tables.map(\.logicalID).joined(separator: ", "))
            }
            guard table.streamViewType != nil else {
                throw .table(
                    "\(template.path): table \"\(table.logicalID)\" has no StreamSpecification; add one "
                        + "(e.g. \"StreamViewType\": \"NEW_AND_OLD_IMAGES\") so a function can be triggered by it")
            }
            streamTable = table.logicalID
        } else {
            streamTable = nil
        }
    }

    /// Writes the files and edits `Package.swift` and the template; every check runs before the first write.
    /// - Returns: what was done, one line per file.
    /// - Throws: ``ScaffoldError``.
    public func run() throws -> [String] {
        let manifestPath = "\(packageRoot)/Package.swift"
        let manifest = try read(manifestPath)
        let templateText = try read(template.path)
        let newManifest = try ManifestEdit.adding(names, stream: streamTable != nil, to: manifest)
        let newTemplate = try TemplateEdit.adding(names, streamTable: streamTable, to: templateText, path: template.path)
        let event: String
        if let streamTable, let table = template.table(named: streamTable) {
            event = try SampleEvents.streamInsert(table: table, template: template)
        } else {
            event = SampleEvents.plain
        }
        let files = [
            ("\(names.handlerPath)/\(names.handlerTarget).swift", ScaffoldSources.handler(names, streamTable: streamTable)),
            ("\(names.mainPath)/main.swift", ScaffoldSources.main(names)),
            ("\(names.testPath)/\(names.testTarget).swift", ScaffoldSources.test(names, streamTable: streamTable)),
            (names.eventPath, event),
        ]
        for path in [names.codeURI, names.testPath, names.eventPath]
        where FileManager.default.fileExists(atPath: "\(packageRoot)/\(path)") {
            throw ScaffoldError.exists("\(packageRoot)/\(path)")
        }
        var done: [String] = []
        for (path, text) in files {
            try write(text, to: "\(packageRoot)/\(path)")
            done.append("created \(path)")
        }
        // The edited template must load (with the new CodeUri now on disk) before anything is changed in place.
        do {
            _ = try TemplateLoader.load(
                data: Data(newTemplate.utf8), file: template.path, directory: template.directory)
        } catch {
            for (path, _) in files { try? FileManager.default.removeItem(atPath: "\(packageRoot)/\(path)") }
            for folder in [names.codeURI, names.testPath] {
                try? FileManager.default.removeItem(atPath: "\(packageRoot)/\(folder)")
            }
            throw ScaffoldError.unexpectedShape(file: template.path, "the edited template would not load: \(error)")
        }
        try write(newManifest, to: manifestPath)
        done.append(
            "Package.swift: added the product \(names.function), the targets \(names.handlerTarget) and "
                + "\(names.function), the test target \(names.testTarget)")
        try write(newTemplate, to: template.path)
        let trigger = streamTable.map { " with a DynamoDB event on \($0)'s stream" } ?? ""
        done.append("\((template.path as NSString).lastPathComponent): added the resource \(names.function)\(trigger)")
        return done
    }

    private func read(_ path: String) throws(ScaffoldError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unexpectedShape(file: path, "cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func write(_ text: String, to path: String) throws(ScaffoldError) {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .write(path, "\(error)")
        }
    }
}
