import Foundation

/// Finds a function's executable and builds Swift functions with SwiftPM when their sources changed.
///
/// A `CodeUri` folder holding an executable `bootstrap` runs as it is (any language, as on `provided.al2023`).
/// Otherwise `Handler` names a Swift executable product of the package around the template; it is rebuilt only when
/// a file under its `CodeUri`, the package's `Sources/` or `Package.swift` is newer than the last successful build.
public struct FunctionBuilder: Sendable {
    /// SwiftPM's build configurations.
    public enum Configuration: String, Sendable, CaseIterable {
        case debug, release
    }

    /// The folder holding `Package.swift`.
    public let packageRoot: String
    /// The configuration products are built in.
    public let configuration: Configuration
    /// Where built products are (`.build/<configuration>` unless given).
    public let binPath: String
    private let console: Console

    /// A builder for the package at `packageRoot`.
    public init(packageRoot: String, configuration: Configuration = .debug, binPath: String? = nil, console: Console) {
        self.packageRoot = packageRoot
        self.configuration = configuration
        // Functions start in their CodeUri, so a relative --bin-path is resolved against the current directory now.
        self.binPath =
            binPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? "\(packageRoot)/.build/\(configuration.rawValue)"
        self.console = console
    }

    /// The folder holding `Package.swift` nearest above `directory`, or `nil`.
    public static func packageRoot(containing directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// What runs for a function: its `bootstrap`, or its Swift product.
    public func executable(handler: String, codeURI: String) -> FunctionExecutable {
        let bootstrap = "\(codeURI)/bootstrap"
        if FileManager.default.isExecutableFile(atPath: bootstrap) { return .bootstrap(bootstrap) }
        return .swiftProduct(name: handler, path: "\(binPath)/\(handler)")
    }

    /// Whether a Swift product must be built before it runs.
    public func needsBuild(handler: String, codeURI: String) -> Bool {
        guard case .swiftProduct(_, let path) = executable(handler: handler, codeURI: codeURI) else { return false }
        let built = [Self.modificationDate(path), Self.modificationDate(stampPath(handler))].compactMap { $0 }.max()
        guard let built else { return true }
        let sources = [codeURI, "\(packageRoot)/Sources", "\(packageRoot)/Package.swift"]
        return sources.contains { Self.newestModification(under: $0).map { $0 > built } ?? false }
    }

    /// Builds a product with `swift build` (plus `extraArguments`, e.g. `--static-swift-stdlib`), its output on the
    /// console's stream.
    /// - Throws: ``BuildError`` when SwiftPM fails; when the package has no such product, its message names the
    ///   `Package.swift` entry to add.
    public func build(product: String, extraArguments: [String] = []) throws {
        console.write(line: "Building \(product) (\(configuration.rawValue))…")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = buildArguments(product: product) + extraArguments
        process.standardOutput = FileHandle.standardError
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw BuildError(
                product: product, status: process.terminationStatus,
                missingProduct: !PackageProducts.declares(product, packageRoot: packageRoot))
        }
        markBuilt(product)
    }

    /// `swift build` for one product of the package, in this builder's configuration.
    func buildArguments(product: String) -> [String] {
        ["swift", "build", "--package-path", packageRoot, "--product", product, "-c", configuration.rawValue]
    }

    /// Records that `product` was built now, so ``needsBuild(handler:codeURI:)`` does not build it again.
    func markBuilt(_ product: String) {
        let stamp = stampPath(product)
        try? FileManager.default.createDirectory(
            atPath: (stamp as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: stamp, contents: Data())
    }

    private func stampPath(_ product: String) -> String { "\(binPath)/lambda-local-stamps/\(product)" }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// The newest modification time of the regular files at or under `path` (directories' own times change whenever
    /// a build tool writes a file next to the sources, so they are not counted).
    static func newestModification(under path: String) -> Date? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return modificationDate(path) }
        var newest: Date?
        guard let walker = FileManager.default.enumerator(atPath: path) else { return nil }
        while walker.nextObject() != nil {
            let attributes = walker.fileAttributes
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                let date = attributes?[.modificationDate] as? Date
            else { continue }
            if date > (newest ?? .distantPast) { newest = date }
        }
        return newest
    }
}

/// What runs in a function's execution environment.
public enum FunctionExecutable: Sendable, Equatable {
    /// An executable `bootstrap` in the function's `CodeUri`.
    case bootstrap(String)
    /// A Swift executable product and where SwiftPM puts it.
    case swiftProduct(name: String, path: String)

    /// The executable's path.
    public var path: String {
        switch self {
        case .bootstrap(let path), .swiftProduct(_, let path): path
        }
    }
}

/// `swift build` failed for a function's product.
public struct BuildError: Error, CustomStringConvertible {
    /// The product being built.
    public let product: String
    /// SwiftPM's exit status.
    public let status: Int32
    /// Whether the package declares no executable target or product of that name (SwiftPM's
    /// `no product named 'X'`).
    public var missingProduct = false

    public var description: String {
        guard missingProduct else { return "swift build failed for product \"\(product)\" (exit status \(status))" }
        return "Package.swift has no product named \"\(product)\" (the function's Handler): add "
            + ".executableTarget(name: \"\(product)\", dependencies: [\"LambdaRuntime\"], path: \"functions/\(product)\") "
            + "to its targets (and .executable(name: \"\(product)\", targets: [\"\(product)\"]) to its products), "
            + "or create the function with 'lambda-local new \(product)'"
    }
}
