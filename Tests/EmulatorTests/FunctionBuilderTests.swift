import Foundation
import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

struct FunctionBuilderTests {
    /// A package folder with `Package.swift`, `Sources/` and a function folder.
    final class Package {
        let root = NSTemporaryDirectory() + "builder-\(UUID().uuidString)"

        init() throws {
            for folder in ["Sources/Lib", "functions/Fn", ".build/debug"] {
                try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            }
            try touch("Package.swift", at: Date(timeIntervalSinceNow: -100))
            try touch("Sources/Lib/a.swift", at: Date(timeIntervalSinceNow: -100))
            try touch("functions/Fn/main.swift", at: Date(timeIntervalSinceNow: -100))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func touch(_ relative: String, at date: Date = Date(), executable: Bool = false) throws {
            let path = "\(root)/\(relative)"
            _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
            try FileManager.default.setAttributes(
                [.modificationDate: date, .posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
        }
    }

    @Test("the package root is the nearest folder above holding Package.swift")
    func packageRoot() throws {
        let package = try Package()
        #expect(FunctionBuilder.packageRoot(containing: "\(package.root)/functions/Fn") == package.root)
    }

    @Test("an executable bootstrap in CodeUri is used as it is, and never built")
    func bootstrap() throws {
        let package = try Package()
        try package.touch("functions/Fn/bootstrap", executable: true)
        let builder = FunctionBuilder(packageRoot: package.root, console: .discarding)
        #expect(builder.executable(handler: "Fn", codeURI: "\(package.root)/functions/Fn") == .bootstrap("\(package.root)/functions/Fn/bootstrap"))
        #expect(!builder.needsBuild(handler: "Fn", codeURI: "\(package.root)/functions/Fn"))
    }

    @Test("a Swift product is rebuilt only when a source is newer than the binary")
    func staleness() throws {
        let package = try Package()
        let builder = FunctionBuilder(packageRoot: package.root, console: .discarding)
        let codeURI = "\(package.root)/functions/Fn"
        #expect(builder.executable(handler: "Fn", codeURI: codeURI) == .swiftProduct(name: "Fn", path: "\(package.root)/.build/debug/Fn"))
        #expect(builder.needsBuild(handler: "Fn", codeURI: codeURI), "no binary yet")
        try package.touch(".build/debug/Fn", at: Date(timeIntervalSinceNow: -50), executable: true)
        #expect(!builder.needsBuild(handler: "Fn", codeURI: codeURI))
        try package.touch("functions/Fn/main.swift")
        #expect(builder.needsBuild(handler: "Fn", codeURI: codeURI), "function source changed")
        try package.touch(".build/debug/Fn", executable: true)
        try package.touch("Sources/Lib/a.swift", at: Date(timeIntervalSinceNow: 10))
        #expect(builder.needsBuild(handler: "Fn", codeURI: codeURI), "a library source changed")
    }
}
