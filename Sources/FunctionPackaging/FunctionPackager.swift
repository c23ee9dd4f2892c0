import Foundation
import FunctionRunner
import SAMTemplate

/// `lambda-local package`: for each function, a staged folder (`bootstrap` and `lib/`) checked for
/// `provided.al2023`, zipped deterministically into `DIR/<Function>.zip`, and `DIR/template.json` pointing at the zips.
public struct FunctionPackager: Sendable {
    /// What was written for one function.
    public struct PackagedFunction: Sendable, Equatable {
        /// The function's logical ID.
        public var logicalID: String
        /// The zip's path.
        public var zipPath: String
        /// The zip's size in bytes.
        public var zipSize: Int
        /// The zip's entries, in zip order.
        public var entries: [DeterministicZip.Entry]
        /// Libraries copied into `lib/` because the image lacks them.
        public var bundledLibraries: [String]
        /// Whether the function was built from Swift sources (else its `bootstrap` was zipped as it is).
        public var built: Bool
        /// Why the zip would not load on provided.al2023 (only when ``allowsLoadProblems``; otherwise they throw).
        public var loadProblems: [LoadProblem] = []

        /// A record of one packaged function.
        public init(
            logicalID: String, zipPath: String, zipSize: Int, entries: [DeterministicZip.Entry],
            bundledLibraries: [String], built: Bool, loadProblems: [LoadProblem] = []
        ) {
            self.logicalID = logicalID
            self.zipPath = zipPath
            self.zipSize = zipSize
            self.entries = entries
            self.bundledLibraries = bundledLibraries
            self.built = built
            self.loadProblems = loadProblems
        }
    }

    /// The template being packaged.
    public let template: Template
    /// The folder holding `Package.swift` (nil when every function has a `bootstrap`).
    public let packageRoot: String?
    /// Where the zips and `template.json` go.
    public let outputDirectory: String
    /// Finds libraries to bundle and checks the result.
    public var loadCheck = LoadCheck()
    /// Write the zip even when the load check finds problems (reported in ``PackagedFunction/loadProblems``): the
    /// zip then runs here but not on AWS.
    public var allowsLoadProblems = false
    /// How the template was loaded (parameters, region): the packaged one is loaded back the same way.
    public let loadOptions: TemplateLoadOptions
    private let console: Console

    /// A packager writing into `outputDirectory` (made absolute against the current directory).
    public init(
        template: Template, packageRoot: String?, outputDirectory: String, console: Console,
        loadOptions: TemplateLoadOptions = TemplateLoadOptions()
    ) {
        self.template = template
        self.loadOptions = loadOptions
        self.packageRoot = packageRoot
        self.outputDirectory = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        self.console = console
    }

    /// Packages `functions` (every function when empty) and writes the packaged template.
    /// - Throws: ``PackagingError`` (a failed load check names each symbol or library), `BuildError` when SwiftPM
    ///   fails, `TemplateError` if the written template does not load back.
    public func package(_ functions: [FunctionDefinition]) throws -> [PackagedFunction] {
        let selected = functions.isEmpty ? template.functions : functions
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw PackagingError.files(function: selected.first?.logicalID ?? "", "cannot create \(outputDirectory): \(error)")
        }
        let packaged = try selected.map(package)
        try writeTemplate(packaged: Dictionary(uniqueKeysWithValues: packaged.map { ($0.logicalID, $0.zipPath) }))
        return packaged
    }

    private func package(_ function: FunctionDefinition) throws -> PackagedFunction {
        let staging = "\(outputDirectory)/.staging/\(function.logicalID)"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: "\(outputDirectory)/.staging") }
        let built: Bool
        do {
            if FileManager.default.isExecutableFile(atPath: "\(function.codeURI)/bootstrap") {
                try FileManager.default.createDirectory(
                    atPath: (staging as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: function.codeURI, toPath: staging)
                built = false
            } else {
                let executable = try buildRelease(function)
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: executable, toPath: "\(staging)/bootstrap")
                built = true
            }
        } catch let error as BuildError {
            throw error
        } catch let error as PackagingError {
            throw error
        } catch {
            throw PackagingError.files(function: function.logicalID, "staging \(staging): \(error)")
        }
        let outcome = try loadCheck.run(folder: staging)
        guard outcome.problems.isEmpty || allowsLoadProblems else {
            throw PackagingError.loadCheck(function: function.logicalID, problems: outcome.problems)
        }
        let zipPath = "\(outputDirectory)/\(function.logicalID).zip"
        let entries = try DeterministicZip.write(folder: staging, to: zipPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: zipPath)[.size] as? Int) ?? 0
        return PackagedFunction(
            logicalID: function.logicalID, zipPath: zipPath, zipSize: size, entries: entries,
            bundledLibraries: outcome.bundled, built: built, loadProblems: outcome.problems)
    }

    /// Builds `function`'s product in release with the Swift standard library linked statically.
    private func buildRelease(_ function: FunctionDefinition) throws -> String {
        guard let packageRoot else {
            throw PackagingError.files(
                function: function.logicalID,
                "no bootstrap in \(function.codeURI) and no Package.swift to build the Swift product \"\(function.handler)\" from")
        }
        let builder = FunctionBuilder(packageRoot: packageRoot, configuration: .release, console: console)
        try builder.build(product: function.handler, extraArguments: ["--static-swift-stdlib"])
        return "\(builder.binPath)/\(function.handler)"
    }

    private func writeTemplate(packaged: [String: String]) throws {
        var codeURIs: [String: String] = [:]
        for function in template.functions {
            codeURIs[function.logicalID] =
                packaged[function.logicalID].map { ($0 as NSString).lastPathComponent }
                ?? PackagedTemplate.relativePath(function.codeURI, from: outputDirectory)
        }
        guard let original = FileManager.default.contents(atPath: template.path) else {
            throw PackagingError.template(template.path, "cannot be read")
        }
        let text = try PackagedTemplate.rewrite(
            String(decoding: original, as: UTF8.self), path: template.path, codeURIs: codeURIs,
            templateDirectory: template.directory, outputDirectory: outputDirectory)
        let path = "\(outputDirectory)/template.json"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw PackagingError.template(path, "cannot be written")
        }
        // The written template must load as the original did (every CodeUri exists, the JSON is intact).
        _ = try TemplateLoader.load(contentsOf: path, options: loadOptions)
    }
}
