import Foundation
import FunctionPackaging
import FunctionRunner
import SAMTemplate
import Testing

/// Packaging bootstrap functions end to end (no Swift build): twice, byte for byte the same.
struct FunctionPackagerTests {
    static func makeProject(_ folder: String) throws -> Template {
        try writeFile("#!/bin/sh\nexec cat\n", to: "\(folder)/functions/ShEcho/bootstrap", permissions: 0o755)
        try writeFile("config", to: "\(folder)/functions/ShEcho/data/config.txt")
        try writeFile("#!/bin/sh\nexit 0\n", to: "\(folder)/functions/Other/bootstrap", permissions: 0o755)
        try writeFile(
            """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Globals": { "Function": { "Runtime": "provided.al2023", "Timeout": 3 } },
              "Resources": {
                "ShEcho": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "ShEcho", "CodeUri": "functions/ShEcho" } },
                "Other": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "Other", "CodeUri": "functions/Other" } }
              }
            }
            """, to: "\(folder)/template.json")
        return try TemplateLoader.load(contentsOf: "\(folder)/template.json")
    }

    @Test("Packaging twice gives the same zip checksum; the template points at the zip and loads back")
    func twice() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let template = try Self.makeProject(folder)
        let echo = try #require(template.function(named: "ShEcho"))
        var checksums: [String] = []
        for run in ["a", "b"] {
            let packager = FunctionPackager(
                template: template, packageRoot: nil, outputDirectory: "\(folder)/out-\(run)", console: Console(fileDescriptor: -1))
            let packaged = try packager.package([echo])
            #expect(packaged.map(\.logicalID) == ["ShEcho"])
            #expect(packaged[0].entries.map(\.path) == ["bootstrap", "data/config.txt"])
            #expect(packaged[0].entries.map(\.permissions) == [0o755, 0o644])
            #expect(!packaged[0].built)
            checksums.append(try sha256("\(folder)/out-\(run)/ShEcho.zip"))
            // Touch the sources between the runs: timestamps must not reach the zip.
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: "\(folder)/functions/ShEcho/bootstrap")
        }
        #expect(checksums[0] == checksums[1])

        let packagedTemplate = try TemplateLoader.load(contentsOf: "\(folder)/out-a/template.json")
        let zipped = try #require(packagedTemplate.function(named: "ShEcho"))
        #expect(zipped.codeURI == "\(folder)/out-a/ShEcho.zip")
        let other = try #require(packagedTemplate.function(named: "Other"))
        #expect(other.codeURI == "\(folder)/functions/Other")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out-a/.staging"))
    }

    @Test("A Swift function without a package to build from is an error naming it")
    func noPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var template = try Self.makeProject(folder)
        try FileManager.default.removeItem(atPath: "\(folder)/functions/Other/bootstrap")
        template = try TemplateLoader.load(contentsOf: "\(folder)/template.json")
        let packager = FunctionPackager(
            template: template, packageRoot: nil, outputDirectory: "\(folder)/out", console: Console(fileDescriptor: -1))
        let error = #expect(throws: PackagingError.self) { try packager.package([template.function(named: "Other")!]) }
        #expect(
            error?.description
                == "function \"Other\": no bootstrap in \(folder)/functions/Other and no Package.swift to build the "
                + "Swift product \"Other\" from")
    }

    private func sha256(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ")[0].description
    }
}

/// The load check's verdict reaches the user: an error naming the library, or (allowed) a warning beside the zip.
struct LoadCheckReportingTests {
    @Test("A failing load check stops packaging with the function, the file and the library")
    func failing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try FunctionPackagerTests.makeProject(folder)
        try FileManager.default.removeItem(atPath: "\(folder)/functions/Other/bootstrap")
        try FileManager.default.copyItem(atPath: testBinary, toPath: "\(folder)/functions/Other/bootstrap")
        let template = try TemplateLoader.load(contentsOf: "\(folder)/template.json")
        var packager = FunctionPackager(
            template: template, packageRoot: nil, outputDirectory: "\(folder)/out", console: Console(fileDescriptor: -1))
        packager.loadCheck = LoadCheck(followsRunPaths: false, searchPaths: [])
        let error = #expect(throws: PackagingError.self) { try packager.package([template.function(named: "Other")!]) }
        guard case .loadCheck(let function, let problems) = error else {
            Issue.record("expected a load check error, got \(String(describing: error))")
            return
        }
        #expect(function == "Other")
        #expect(problems.contains(.missingLibrary(file: "bootstrap", library: "libswiftCore.so")))
        #expect(error?.description.hasPrefix("function \"Other\" would not load on provided.al2023:\n  - bootstrap needs ") == true)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/Other.zip"))
    }

    @Test("The report lists each zip's size, entries, bundled libraries and allowed problems")
    func report() {
        let function = FunctionPackager.PackagedFunction(
            logicalID: "Echo", zipPath: "/out/Echo.zip", zipSize: 1_234_567,
            entries: [.init(path: "bootstrap", size: 7_654_321, permissions: 0o755)], bundledLibraries: ["libx.so.1"],
            built: true, loadProblems: [.glibcTooNew(file: "bootstrap", version: "GLIBC_2.35", symbols: ["hypotf"])])
        let text = PackageReport.text([function], templatePath: "/out/template.json")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "/out/Echo.zip  1,234,567 bytes  (Echo, built in release with --static-swift-stdlib)")
        #expect(lines[1] == "  755     7,654,321  bootstrap")
        #expect(lines[2].hasPrefix("  warning: would not load on provided.al2023: bootstrap needs GLIBC_2.35 (symbols: hypotf)"))
        #expect(lines[3] == "  bundled (not in provided.al2023): libx.so.1")
        #expect(lines[4] == "Packaged template: /out/template.json")
    }
}
