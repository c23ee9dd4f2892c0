#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Loads and validates a SAM template written in JSON.
///
/// Validation stops at the first problem, which the thrown `TemplateError` names by file, JSON path, what was
/// found and what was expected. Resources and events are checked in document order.
public enum TemplateLoader {
    /// Reads the template at `path` (absolute, or relative to the current directory).
    /// - Throws: `TemplateError` naming `path` as given, for an unreadable file, malformed JSON or an invalid template.
    public static func load(
        contentsOf path: String, options: TemplateLoadOptions = TemplateLoadOptions()
    ) throws(TemplateError) -> Template {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw TemplateError(
                code: .unreadableFile, file: path, path: JSONPath.root.description,
                found: exists ? "a file that cannot be read" : "no file",
                expected: "a readable SAM template in JSON")
        }
        return try load(
            data: data, file: path, templatePath: url.path, directory: url.deletingLastPathComponent().path,
            options: options)
    }

    /// Parses template text held in memory.
    /// - Parameters:
    ///   - data: The template's UTF-8 JSON text.
    ///   - file: The name error messages use, such as `template.json`.
    ///   - templatePath: What `Template.path` reports; defaults to `file` inside `directory`.
    ///   - directory: The absolute directory `CodeUri` paths are relative to.
    /// - Throws: `TemplateError` for malformed JSON (with line and column) or an invalid template.
    public static func load(
        data: Data, file: String, templatePath: String? = nil, directory: String,
        options: TemplateLoadOptions = TemplateLoadOptions()
    ) throws(TemplateError) -> Template {
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data))
        } catch {
            throw TemplateError(
                code: .malformedJSON, file: file, path: JSONPath.root.description,
                position: .init(line: error.line, column: error.column), found: error.found, expected: error.expected)
        }
        let directoryURL = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let path = templatePath ?? directoryURL.appendingPathComponent(file).path
        do {
            return try TemplateParser.parse(
                document, templatePath: path, directory: directoryURL.path, options: options)
        } catch {
            throw error.error(file: file)
        }
    }
}
