import Foundation
import FunctionPackaging
import Testing

struct DeterministicZipTests {
    @Test("The same files give the same bytes whatever their timestamps; entries sorted; modes kept through unzip")
    func deterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile("#!/bin/sh\necho hi\n", to: "\(folder)/in/bootstrap", permissions: 0o755)
        try writeFile("zeta", to: "\(folder)/in/z.txt")
        try writeFile("library", to: "\(folder)/in/lib/liba.so.1")
        let first = try DeterministicZip.write(folder: "\(folder)/in", to: "\(folder)/one.zip")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: "\(folder)/in/z.txt")
        try DeterministicZip.write(folder: "\(folder)/in", to: "\(folder)/two.zip")
        let one = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/one.zip"))
        let two = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/two.zip"))
        #expect(one == two)
        #expect(first.map(\.path) == ["bootstrap", "lib/liba.so.1", "z.txt"])
        #expect(first.map(\.permissions) == [0o755, 0o644, 0o644])
        #expect(try DeterministicZip.entries(of: "\(folder)/one.zip") == first)

        try DeterministicZip.extract("\(folder)/one.zip", to: "\(folder)/out")
        #expect(FileManager.default.isExecutableFile(atPath: "\(folder)/out/bootstrap"))
        #expect(!FileManager.default.isExecutableFile(atPath: "\(folder)/out/z.txt"))
        #expect(FileManager.default.contents(atPath: "\(folder)/out/lib/liba.so.1") == Data("library".utf8))
    }

    @Test("A zip CodeUri is unpacked once per content into the cache, bootstrap executable")
    func codeCache() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile("#!/bin/sh\n", to: "\(folder)/in/bootstrap", permissions: 0o755)
        try DeterministicZip.write(folder: "\(folder)/in", to: "\(folder)/Fn.zip")
        let unpacked = try ZipCodeCache.folder(for: "\(folder)/Fn.zip", cacheDirectory: "\(folder)/cache")
        #expect(unpacked.hasPrefix("\(folder)/cache/Fn-"))
        #expect(FileManager.default.isExecutableFile(atPath: "\(unpacked)/bootstrap"))
        #expect(try ZipCodeCache.folder(for: "\(folder)/Fn.zip", cacheDirectory: "\(folder)/cache") == unpacked)
        try writeFile("#!/bin/sh\necho changed\n", to: "\(folder)/in/bootstrap", permissions: 0o755)
        try DeterministicZip.write(folder: "\(folder)/in", to: "\(folder)/Fn.zip")
        #expect(try ZipCodeCache.folder(for: "\(folder)/Fn.zip", cacheDirectory: "\(folder)/cache") != unpacked)
        #expect(throws: PackagingError.self) { try ZipCodeCache.folder(for: "\(folder)/missing.zip") }
    }
}
