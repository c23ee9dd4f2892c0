import Foundation

/// Where a `.zip` `CodeUri` runs from: the zip unpacked once into a folder named after its contents' hash, so the
/// emulator runs exactly the bytes that would be deployed.
public enum ZipCodeCache {
    /// The folder holding the unpacked `zipPath` under `cacheDirectory` (default: `lambda-local-code` in the
    /// temporary directory), unpacking it first when this content has not been unpacked before.
    /// - Throws: ``PackagingError/zip(_:_:)`` when the zip cannot be read or unpacked.
    public static func folder(for zipPath: String, cacheDirectory: String? = nil) throws(PackagingError) -> String {
        guard let data = FileManager.default.contents(atPath: zipPath) else { throw .zip(zipPath, "cannot be read") }
        let base = cacheDirectory ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("lambda-local-code")
        let name = ((zipPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = "\(base)/\(name)-\(fnv1a(data))"
        if FileManager.default.fileExists(atPath: folder) { return folder }
        // Unpack beside it, then rename: a concurrent run never sees half a folder.
        let staging = "\(folder).partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try DeterministicZip.extract(zipPath, to: staging)
        do {
            try FileManager.default.moveItem(atPath: staging, toPath: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            guard FileManager.default.fileExists(atPath: folder) else { throw .zip(zipPath, "unpacking: \(error)") }
        }
        return folder
    }

    /// FNV-1a, 64 bits, as 16 hex digits.
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
