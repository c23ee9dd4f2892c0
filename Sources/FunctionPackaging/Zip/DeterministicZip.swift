import Foundation
import ZIPFoundation

/// Zips a folder so that the same files give the same bytes: entries sorted by path, every timestamp
/// 1980-01-01 00:00 UTC (the earliest a zip can hold), modes 0755 for executables and 0644 otherwise, deflated.
public enum DeterministicZip {
    /// One file in a zip.
    public struct Entry: Sendable, Equatable {
        /// The path inside the zip.
        public var path: String
        /// The uncompressed size in bytes.
        public var size: Int
        /// The POSIX permissions stored for it.
        public var permissions: UInt16

        /// An entry of `path`, `size` bytes, with `permissions`.
        public init(path: String, size: Int, permissions: UInt16) {
            self.path = path
            self.size = size
            self.permissions = permissions
        }
    }

    /// The timestamp every entry gets.
    public static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// Writes every regular file under `folder` (symlinks followed) into a new zip at `zipPath`.
    /// - Returns: the entries, in zip order.
    /// - Throws: ``PackagingError/zip(_:_:)`` naming the zip when a file cannot be read or the zip written.
    @discardableResult
    public static func write(folder: String, to zipPath: String) throws(PackagingError) -> [Entry] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let files = regularFiles(under: root)
        try? FileManager.default.removeItem(atPath: zipPath)
        var entries: [Entry] = []
        do {
            let archive = try Archive(url: URL(fileURLWithPath: zipPath), accessMode: .create)
            for file in files {
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(file)"))
                let permissions: UInt16 = FileManager.default.isExecutableFile(atPath: "\(root)/\(file)") ? 0o755 : 0o644
                try archive.addEntry(
                    with: file, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                    permissions: permissions, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
                entries.append(Entry(path: file, size: data.count, permissions: permissions))
            }
        } catch {
            throw .zip(zipPath, "\(error)")
        }
        return entries
    }

    /// The entries of the zip at `zipPath`, in zip order.
    /// - Throws: ``PackagingError/zip(_:_:)`` when it is not a readable zip.
    public static func entries(of zipPath: String) throws(PackagingError) -> [Entry] {
        do {
            let archive = try Archive(url: URL(fileURLWithPath: zipPath), accessMode: .read)
            return archive.map { entry in
                Entry(
                    path: entry.path, size: Int(entry.uncompressedSize),
                    permissions: (entry.fileAttributes[.posixPermissions] as? NSNumber)?.uint16Value ?? 0)
            }
        } catch {
            throw .zip(zipPath, "\(error)")
        }
    }

    /// Unpacks the zip at `zipPath` into `folder` (created), keeping the stored permissions.
    /// - Throws: ``PackagingError/zip(_:_:)``.
    public static func extract(_ zipPath: String, to folder: String) throws(PackagingError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.unzipItem(at: URL(fileURLWithPath: zipPath), to: URL(fileURLWithPath: folder))
        } catch {
            throw .zip(zipPath, "\(error)")
        }
    }

    /// Relative paths of the regular files under `root`, sorted bytewise.
    static func regularFiles(under root: String) -> [String] {
        var files: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            // fileExists follows symlinks: a link to a file is stored as that file's contents.
            if FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
