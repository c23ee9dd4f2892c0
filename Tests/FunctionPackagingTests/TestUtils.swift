import Foundation

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryFolder(_ name: String = #function) throws -> String {
    let path = NSTemporaryDirectory() + "lambda-local-packaging-\(name.filter(\.isLetter))-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `text` to `path` with `permissions`.
func writeFile(_ text: String, to path: String, permissions: Int = 0o644) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
}

/// The running test binary: a real dynamically linked ELF file of this machine.
let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path

/// `readelf`'s view of a file's version needs (`GLIBC_2.34` …), or nil when binutils is not installed.
func readelfVersionNeeds(_ path: String) -> Set<String>? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
    process.arguments = ["-V", "-W", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var names = Set<String>()
    var inNeeds = false
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        if line.contains("Version needs section") { inNeeds = true } else if line.contains("section '") { inNeeds = false }
        if inNeeds, let range = line.range(of: "Name: ") {
            names.insert(String(line[range.upperBound...].split(separator: " ")[0]))
        }
    }
    return names
}
