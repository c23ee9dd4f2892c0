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
