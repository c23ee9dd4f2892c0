import Foundation
import FunctionPackaging
import FunctionRunner
import Testing

@testable import Emulator

/// Templates outside any package, `--package-path`, and a zip `CodeUri`.
struct WorkspaceLocationTests {
    static func template(in folder: String, functions: [(name: String, codeURI: String)]) throws -> String {
        let resources = functions.map { function in
            """
            "\(function.name)": {"Type": "AWS::Serverless::Function", "Properties": \
            {"Handler": "\(function.name)", "CodeUri": "\(function.codeURI)", "Runtime": "provided.al2023"}}
            """
        }.joined(separator: ",\n")
        let path = "\(folder)/template.json"
        let text = "{\"Transform\": \"AWS::Serverless-2016-10-31\", \"Resources\": {\n\(resources)\n}}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bootstrap(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(folder)/bootstrap", contents: Data("#!/bin/sh\n".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(folder)/bootstrap")
    }

    @Test("Outside any package bootstrap functions run; building a Swift one is an error naming it")
    func outsidePackage() throws {
        let folder = NSTemporaryDirectory() + "elsewhere-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.bootstrap("\(folder)/sh")
        try FileManager.default.createDirectory(atPath: "\(folder)/swift", withIntermediateDirectories: true)
        let ok = try Self.template(in: folder, functions: [("ShEcho", "sh")])
        let workspace = try Workspace.open(WorkspaceOptions(templatePath: ok), console: Console(fileDescriptor: -1))
        #expect(workspace.builder.executable(handler: "ShEcho", codeURI: "\(folder)/sh") == .bootstrap("\(folder)/sh/bootstrap"))

        let mixed = try Self.template(in: folder, functions: [("ShEcho", "sh"), ("Greeter", "swift")])
        let both = try Workspace.open(WorkspaceOptions(templatePath: mixed), console: Console(fileDescriptor: -1))
        try both.prepare(function: "ShEcho", build: true)
        #expect(throws: WorkspaceError.noPackageFor(function: "Greeter", directory: folder)) {
            try both.prepare(function: "Greeter", build: true)
        }
        try FileManager.default.createDirectory(atPath: "\(folder)/pkg", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(folder)/pkg/Package.swift", contents: Data())
        let withPath = try Workspace.open(
            WorkspaceOptions(templatePath: mixed, packagePath: "\(folder)/pkg"), console: Console(fileDescriptor: -1))
        #expect(withPath.builder.packageRoot == "\(folder)/pkg")
        #expect(throws: WorkspaceError.noPackage("\(folder)/sh")) {
            try Workspace.open(
                WorkspaceOptions(templatePath: mixed, packagePath: "\(folder)/sh"), console: Console(fileDescriptor: -1))
        }
    }

    @Test("A zip CodeUri runs from its unpacked copy, whose bootstrap is executable")
    func zipCodeURI() throws {
        let folder = NSTemporaryDirectory() + "zipcode-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.bootstrap("\(folder)/src")
        try DeterministicZip.write(folder: "\(folder)/src", to: "\(folder)/ShEcho.zip")
        let path = try Self.template(in: folder, functions: [("ShEcho", "ShEcho.zip")])
        let workspace = try Workspace.open(WorkspaceOptions(templatePath: path), console: Console(fileDescriptor: -1))
        let function = try workspace.function(named: "ShEcho")
        #expect(function.codeURI.hasSuffix(".zip") == false)
        #expect(FileManager.default.isExecutableFile(atPath: "\(function.codeURI)/bootstrap"))
        #expect(workspace.configuration(for: function).taskRoot == function.codeURI)
    }
}
