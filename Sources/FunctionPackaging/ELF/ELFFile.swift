import Foundation

/// What the dynamic loader reads of an ELF64 little-endian executable or shared library: the libraries it needs
/// (`DT_NEEDED`), its `DT_RUNPATH`/`DT_RPATH`, and the symbol versions it needs from each library
/// (`.gnu.version_r`), with the undefined symbols bound to each version (`.dynsym` + `.gnu.version`).
public struct ELFFile: Sendable, Equatable {
    /// A version the file needs from a library, e.g. `GLIBC_2.34` from `libc.so.6`.
    public struct VersionNeed: Sendable, Equatable, Hashable {
        /// The library's `DT_NEEDED` name (`libc.so.6`).
        public let library: String
        /// The version's name (`GLIBC_2.34`).
        public let version: String
        /// The undefined symbols bound to this version, sorted.
        public var symbols: [String]
    }

    /// `DT_NEEDED` entries, in file order.
    public let neededLibraries: [String]
    /// `DT_RUNPATH` or `DT_RPATH` entries.
    public let runPaths: [String]
    /// `.gnu.version_r` entries, in file order.
    public let versionNeeds: [VersionNeed]

    /// Reads the file at `path`.
    /// - Throws: ``ELFError`` naming the file when it is not a little-endian ELF64 file or is truncated.
    public init(contentsOf path: String) throws(ELFError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        try self.init(data: data, path: path)
    }

    /// Reads an ELF64 image already in memory; `path` only names it in errors.
    /// - Throws: ``ELFError``.
    public init(data: Data, path: String) throws(ELFError) {
        let reader = ByteReader(bytes: [UInt8](data), path: path)
        guard data.count >= 64, reader.bytes[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]) else {
            throw .notELF(path)
        }
        guard reader.bytes[4] == 2, reader.bytes[5] == 1 else { throw .unsupported(path, "not a little-endian ELF64 file") }
        let sections = try reader.sectionHeaders()
        let dynamic = try reader.dynamicEntries(sections)
        neededLibraries = dynamic.needed
        runPaths = dynamic.runPaths
        versionNeeds = try reader.versionNeeds(sections)
    }

    /// The highest `GLIBC_x.y` version needed (from any library), as numbers, with its name.
    public var highestGLIBCVersion: (version: [Int], name: String)? {
        versionNeeds.compactMap { need in GLIBCVersion.parse(need.version).map { ($0, need.version) } }
            .max { GLIBCVersion.less($0.0, $1.0) }
    }
}

/// An ELF file could not be read.
public enum ELFError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case unreadable(String)
    /// The file does not start with the ELF magic number.
    case notELF(String)
    /// An ELF file this reader does not handle (32-bit, big-endian).
    case unsupported(String, String)
    /// A header points outside the file.
    case truncated(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot be read"
        case .notELF(let path): "\(path): not an ELF file (expected a Linux executable or shared library)"
        case .unsupported(let path, let why): "\(path): \(why); expected an x86_64 or arm64 Linux ELF64 file"
        case .truncated(let path, let what): "\(path): truncated ELF file (\(what) lies outside the file)"
        }
    }
}

/// `GLIBC_x.y[.z]` version names compared as numbers.
public enum GLIBCVersion {
    /// `[2, 34]` for `GLIBC_2.34`; nil for other names (`GLIBC_PRIVATE`, `CXXABI_1.3`).
    public static func parse(_ name: String) -> [Int]? {
        guard name.hasPrefix("GLIBC_") else { return nil }
        let parts = name.dropFirst("GLIBC_".count).split(separator: ".").map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }

    /// Numeric, component-wise order (`2.9 < 2.34`).
    public static func less(_ lhs: [Int], _ rhs: [Int]) -> Bool {
        for (left, right) in zip(lhs, rhs) where left != right { return left < right }
        return lhs.count < rhs.count
    }
}
