import Foundation
import FunctionPackaging
import Testing

struct ELFFileTests {
    @Test("The test binary's needed libraries and version needs are read, and match readelf's")
    func realBinary() throws {
        let elf = try ELFFile(contentsOf: testBinary)
        #expect(elf.neededLibraries.contains("libc.so.6"))
        let versions = Set(elf.versionNeeds.map(\.version))
        #expect(versions.contains { $0.hasPrefix("GLIBC_2.") })
        if let readelf = readelfVersionNeeds(testBinary) { #expect(versions == readelf) }
        let libc = elf.versionNeeds.filter { $0.library == "libc.so.6" }
        #expect(libc.contains { $0.symbols.contains("malloc") || $0.symbols.contains("free") })
        #expect(libc.allSatisfy { $0.symbols == $0.symbols.sorted() })
        let highest = try #require(elf.highestGLIBCVersion)
        #expect(versions.allSatisfy { GLIBCVersion.parse($0).map { !GLIBCVersion.less(highest.version, $0) } ?? true })
    }

    @Test("GLIBC versions compare as numbers; other names are not glibc versions")
    func versions() {
        #expect(GLIBCVersion.parse("GLIBC_2.34") == [2, 34])
        #expect(GLIBCVersion.parse("GLIBC_2.2.5") == [2, 2, 5])
        #expect(GLIBCVersion.parse("GLIBC_PRIVATE") == nil)
        #expect(GLIBCVersion.parse("CXXABI_1.3") == nil)
        #expect(GLIBCVersion.less([2, 9], [2, 34]))
        #expect(GLIBCVersion.less([2, 2, 5], [2, 3]))
        #expect(!GLIBCVersion.less([2, 34], [2, 34]))
        #expect(GLIBCVersion.less([2, 34], [2, 34, 1]))
    }

    @Test("A script, a 32-bit header and a cut-off file are errors naming the file")
    func errors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile("#!/bin/sh\necho hi\n", to: "\(folder)/script")
        #expect(throws: ELFError.notELF("\(folder)/script")) { try ELFFile(contentsOf: "\(folder)/script") }

        var header = [UInt8](repeating: 0, count: 64)
        header[0...3] = [0x7F, 0x45, 0x4C, 0x46]
        header[4] = 1
        header[5] = 1
        let error = #expect(throws: ELFError.self) { try ELFFile(data: Data(header), path: "x32") }
        #expect(error?.description == "x32: not a little-endian ELF64 file; expected an x86_64 or arm64 Linux ELF64 file")

        let real = try Data(contentsOf: URL(fileURLWithPath: testBinary))
        let cut = #expect(throws: ELFError.self) { try ELFFile(data: real.prefix(200), path: "cut") }
        #expect(cut?.description.hasPrefix("cut: truncated ELF file") == true)
    }
}
