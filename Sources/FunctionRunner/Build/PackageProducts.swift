import Foundation

/// What `swift package dump-package` says a package declares, asked only after a build failed.
enum PackageProducts {
    /// Whether the package at `packageRoot` has a product or executable target named `name`; true when SwiftPM
    /// cannot answer (the build error is then reported as it is).
    static func declares(_ name: String, packageRoot: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", packageRoot, "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return true }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return true }
        let names = [manifest["products"], manifest["targets"]].compactMap { $0 as? [[String: Any]] }.joined()
            .compactMap { $0["name"] as? String }
        return names.contains(name)
    }
}
