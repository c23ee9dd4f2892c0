import Foundation

/// Checks that a staged function folder (`bootstrap` plus an optional `lib/`) loads on `provided.al2023`, bundling
/// into `lib/` every needed library the image lacks that this machine has.
public struct LoadCheck: Sendable {
    /// Where libraries to bundle are looked for, in order (after the ELF file's own RUNPATH).
    public var searchPaths: [String]
    /// Whether an ELF file's own `DT_RUNPATH`/`DT_RPATH` folders are searched first (as the loader would here).
    public var followsRunPaths: Bool

    /// A check looking for libraries in the usual multiarch and lib64 folders.
    public init(
        followsRunPaths: Bool = true,
        searchPaths: [String] = [
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib",
        ]
    ) {
        self.followsRunPaths = followsRunPaths
        self.searchPaths = searchPaths
    }

    /// What the check did: the libraries it copied into `lib/` and the problems left.
    public struct Outcome: Sendable, Equatable {
        /// Sonames copied into `lib/`, sorted.
        public var bundled: [String] = []
        /// Why the folder would not load; empty when it would.
        public var problems: [LoadProblem] = []

        /// An outcome with nothing bundled and no problems.
        public init() {}
    }

    /// Checks `folder/bootstrap` (skipped when it is not an ELF file, e.g. a script) and everything it needs.
    /// - Throws: file system errors while copying a library into `folder/lib`.
    public func run(folder: String) throws -> Outcome {
        var outcome = Outcome()
        let libDirectory = "\(folder)/lib"
        var queue = ["\(folder)/bootstrap"]
        var seen = Set<String>()
        while let path = queue.popLast() {
            let name = (path as NSString).lastPathComponent
            let elf: ELFFile
            do {
                elf = try ELFFile(contentsOf: path)
            } catch .notELF(_) where name == "bootstrap" {
                continue
            } catch {
                outcome.problems.append(.unreadable(error))
                continue
            }
            if let problem = glibcProblem(elf, file: relative(path, to: folder)) { outcome.problems.append(problem) }
            for library in elf.neededLibraries where seen.insert(library).inserted {
                if ProvidedAL2023.libraries.contains(library) { continue }
                let bundledPath = "\(libDirectory)/\(library)"
                if FileManager.default.fileExists(atPath: bundledPath) {
                    queue.append(bundledPath)
                } else if let source = locate(library, runPaths: elf.runPaths) {
                    try FileManager.default.createDirectory(atPath: libDirectory, withIntermediateDirectories: true)
                    // Resolve symlinks: the zip holds the library itself under its soname.
                    try FileManager.default.copyItem(atPath: URL(fileURLWithPath: source).resolvingSymlinksInPath().path, toPath: bundledPath)
                    outcome.bundled.append(library)
                    queue.append(bundledPath)
                } else {
                    outcome.problems.append(.missingLibrary(file: relative(path, to: folder), library: library))
                }
            }
        }
        outcome.bundled.sort()
        return outcome
    }

    private func glibcProblem(_ elf: ELFFile, file: String) -> LoadProblem? {
        let tooNew = elf.versionNeeds.filter { need in
            GLIBCVersion.parse(need.version).map { GLIBCVersion.less(ProvidedAL2023.glibcVersion, $0) } ?? false
        }
        guard let highest = elf.highestGLIBCVersion,
            GLIBCVersion.less(ProvidedAL2023.glibcVersion, highest.version)
        else { return nil }
        return .glibcTooNew(file: file, version: highest.name, symbols: tooNew.flatMap(\.symbols).sorted())
    }

    private func locate(_ library: String, runPaths: [String]) -> String? {
        let own = followsRunPaths ? runPaths.filter { !$0.contains("$") } : []
        for directory in own + searchPaths {
            let candidate = "\(directory)/\(library)"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func relative(_ path: String, to folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
