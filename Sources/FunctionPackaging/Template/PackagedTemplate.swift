import Foundation
import SAMTemplate

/// The template `lambda-local package` writes beside the zips: the original text, with each function's `CodeUri`
/// pointing at its zip (packaged functions) or at its original folder relative to the new location (the others),
/// so `sam deploy --template-file DIR/template.json` takes it as it is. Everything else is kept byte for byte.
public enum PackagedTemplate {
    /// `templateText` with the `CodeUri` of each function in `codeURIs` (logical ID → new value) set, inserted into
    /// `Properties` when the function had none of its own, and `Globals.Function.CodeUri` (if any, a path relative to
    /// `templateDirectory`) made relative to `outputDirectory`.
    /// - Throws: ``PackagingError/template(_:_:)`` naming the template when a resource cannot be found in the text.
    public static func rewrite(
        _ templateText: String, path: String, codeURIs: [String: String], templateDirectory: String,
        outputDirectory: String
    ) throws(PackagingError) -> String {
        var text = templateText
        for (logicalID, value) in codeURIs.sorted(by: { $0.key < $1.key }) {
            let scanner = TextScanner(text)
            guard let root = scanner.text.firstIndex(of: "{"),
                let resources = scanner.memberValue("Resources", inObjectAt: root),
                let resource = scanner.memberValue(logicalID, inObjectAt: resources), scanner.text[resource] == "{",
                let properties = scanner.memberValue("Properties", inObjectAt: resource), scanner.text[properties] == "{"
            else {
                throw .template(path, "no $.Resources.\(logicalID).Properties object to set CodeUri in")
            }
            if let codeURI = scanner.memberValue("CodeUri", inObjectAt: properties) {
                text = scanner.replacing(codeURI..<scanner.valueEnd(at: codeURI), with: jsonString(value))
            } else {
                text = scanner.inserting(" \"CodeUri\": \(jsonString(value)),", at: properties + 1)
            }
        }
        let scanner = TextScanner(text)
        if let root = scanner.text.firstIndex(of: "{"),
            let globals = scanner.memberValue("Globals", inObjectAt: root), scanner.text[globals] == "{",
            let function = scanner.memberValue("Function", inObjectAt: globals), scanner.text[function] == "{",
            let codeURI = scanner.memberValue("CodeUri", inObjectAt: function), scanner.text[codeURI] == "\""
        {
            let end = scanner.valueEnd(at: codeURI)
            let original = String(scanner.text[(codeURI + 1)..<(end - 1)])
            let absolute = URL(fileURLWithPath: original, relativeTo: URL(fileURLWithPath: templateDirectory, isDirectory: true))
                .standardizedFileURL.path
            text = scanner.replacing(codeURI..<end, with: jsonString(relativePath(absolute, from: outputDirectory)))
        }
        return text
    }

    /// `path` relative to `directory` (both absolute), with `..` where needed.
    public static func relativePath(_ path: String, from directory: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
