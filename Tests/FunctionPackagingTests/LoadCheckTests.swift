import Foundation
import FunctionPackaging
import Testing

struct LoadCheckTests {
    @Test("A script bootstrap has nothing to check")
    func script() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile("#!/bin/sh\nexit 0\n", to: "\(folder)/bootstrap", permissions: 0o755)
        #expect(try LoadCheck().run(folder: folder) == LoadCheck.Outcome())
    }

    @Test("A library the image lacks and this machine lacks is a problem naming it and what to do")
    func missingLibrary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The test binary links the Swift runtime dynamically (libswiftCore.so, not in provided.al2023); with no
        // search path and its RUNPATH ignored it cannot be bundled.
        try FileManager.default.copyItem(atPath: testBinary, toPath: "\(folder)/bootstrap")
        let elf = try ELFFile(contentsOf: "\(folder)/bootstrap")
        try #require(elf.neededLibraries.contains("libswiftCore.so"))
        let outcome = try LoadCheck(followsRunPaths: false, searchPaths: []).run(folder: folder)
        let problem = LoadProblem.missingLibrary(file: "bootstrap", library: "libswiftCore.so")
        #expect(outcome.problems.contains(problem))
        #expect(outcome.bundled.isEmpty)
        #expect(
            problem.description
                == "bootstrap needs libswiftCore.so, which the provided.al2023 image does not have and which was not "
                + "found on this machine to bundle: install it here (so it is bundled into the zip's lib/), put it in "
                + "the function's CodeUri/lib/, or link it statically")
    }

    @Test("Libraries the image lacks are copied into lib/ from where this machine has them, recursively")
    func bundling() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: testBinary, toPath: "\(folder)/bootstrap")
        let swiftLibraries = (testBinary as NSString).deletingLastPathComponent
        let runtime = try #require(
            ["/opt/swift/usr/lib/swift/linux", "/usr/lib/swift/linux", swiftLibraries].first {
                FileManager.default.fileExists(atPath: "\($0)/libswiftCore.so")
            })
        let outcome = try LoadCheck(followsRunPaths: false, searchPaths: [runtime]).run(folder: folder)
        #expect(outcome.bundled.contains("libswiftCore.so"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/lib/libswiftCore.so"))
        #expect(!outcome.problems.contains { if case .missingLibrary(_, "libswiftCore.so") = $0 { true } else { false } })
        #expect(!outcome.bundled.contains("libc.so.6"))
    }

    @Test("A glibc too new for AL2023 names the version, the symbols and the ways out")
    func glibcMessage() {
        let problem = LoadProblem.glibcTooNew(file: "bootstrap", version: "GLIBC_2.38", symbols: ["__isoc23_strtol"])
        #expect(
            problem.description
                == "bootstrap needs GLIBC_2.38 (symbols: __isoc23_strtol), but provided.al2023 has glibc 2.34: build "
                + "it on Amazon Linux 2023 (e.g. in the swift:amazonlinux2023 image) or with Swift's static Linux SDK "
                + "(swift build --swift-sdk x86_64-swift-linux-musl), whose binaries need no glibc")
        #expect(ProvidedAL2023.glibcVersionName == "GLIBC_2.34")
        #expect(ProvidedAL2023.libraries.isSuperset(of: ["libc.so.6", "libcurl.so.4", "libstdc++.so.6"]))
    }
}
