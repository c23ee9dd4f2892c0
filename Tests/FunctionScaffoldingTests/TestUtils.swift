import Foundation

/// The fixtures: copies of the repository's `Package.swift` (as `Package.swift.txt`, so SwiftPM does not read it)
/// and `template.json`.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// The text of a fixture.
func fixture(_ name: String) throws -> String {
    try String(contentsOfFile: "\(fixturesDirectory)/\(name)", encoding: .utf8)
}

/// A temporary copy of the fixture project: `Package.swift`, `template.json`, the functions' folders.
func fixtureProject(_ name: String = #function) throws -> String {
    let folder = NSTemporaryDirectory() + "lambda-local-new-\(name.filter(\.isLetter))-\(UUID().uuidString)"
    for path in ["functions/Echo", "functions/MessagingStream", "events"] {
        try FileManager.default.createDirectory(atPath: "\(folder)/\(path)", withIntermediateDirectories: true)
    }
    try fixture("Package.swift.txt").write(toFile: "\(folder)/Package.swift", atomically: true, encoding: .utf8)
    try fixture("template.json").write(toFile: "\(folder)/template.json", atomically: true, encoding: .utf8)
    return folder
}

/// Whether `edited` is `original` with lines inserted only (every original line kept, in order).
func onlyInsertsLines(_ original: String, _ edited: String) -> Bool {
    var remaining = original.split(separator: "\n", omittingEmptySubsequences: false)[...]
    for line in edited.split(separator: "\n", omittingEmptySubsequences: false) where remaining.first == line {
        remaining = remaining.dropFirst()
    }
    return remaining.isEmpty
}
