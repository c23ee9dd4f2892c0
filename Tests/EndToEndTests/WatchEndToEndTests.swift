import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `start --watch` on a throwaway project of shell-runtime functions (so no Swift build runs in the test): a changed
/// `bootstrap` is swapped in, a changed template adds and reconfigures functions live, and a change that cannot
/// apply live (a table's key schema) is refused while the running configuration keeps serving.
@Suite(.serialized)
struct WatchEndToEndTests {
    /// A shell runtime that answers every invocation with `answer` and the value of `$STAGE`.
    static func bootstrap(answer: String) -> String {
        """
        #!/bin/sh
        api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
        while true; do
            headers=$(mktemp)
            curl -sS -D "$headers" -o /dev/null "$api/invocation/next" || exit 1
            id=$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | tr -d '\\r' | cut -d' ' -f2)
            rm -f "$headers"
            curl -sS -o /dev/null -X POST "$api/invocation/$id/response" -d "{\\"answer\\":\\"\(answer)\\",\\"stage\\":\\"$STAGE\\"}"
        done

        """
    }

    static func template(functions: [String: String], stage: String, tableKey: String = "pk") -> String {
        let resources = functions.sorted { $0.key < $1.key }.map { name, folder in
            """
            "\(name)": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "\(folder)", "Handler": "\(name)",
              "Runtime": "provided.al2023", "Environment": {"Variables": {"STAGE": "\(stage)"}}}}
            """
        }
        let table = """
            "Notes": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "notes", "BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [{"AttributeName": "\(tableKey)", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "\(tableKey)", "KeyType": "HASH"}]}}
            """
        return """
            {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31",
             "Resources": {\((resources + [table]).joined(separator: ",\n"))}}
            """
    }

    /// Writes `text` as an executable file.
    func writeExecutable(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Written next to it and renamed, as editors save: the runtime never sees a half-written script.
        try text.write(toFile: path + ".new", atomically: false, encoding: .utf8)
        chmod(path + ".new", 0o755)
        rename(path + ".new", path)
    }

    func invoke(_ emulator: RunningEmulator, _ function: String) throws -> String {
        let result = try run(
            "/usr/bin/env",
            ["curl", "-sS", "--max-time", "10", "-X", "POST", "-d", "{}",
             "\(emulator.endpoint)/2015-03-31/functions/\(function)/invocations"])
        return result.stdout
    }

    /// Invokes until the answer contains `expected` (a watcher acts within a moment, not at once).
    func eventually(_ emulator: RunningEmulator, _ function: String, contains expected: String) throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        var last = ""
        while ContinuousClock.now < deadline {
            last = try invoke(emulator, function)
            if last.contains(expected) { return last }
            usleep(100_000)
        }
        Issue.record("\(function) never answered with \(expected); last answer: \(last)\n\(emulator.log)")
        return last
    }

    @Test("a changed bootstrap is swapped in, the template's changes apply live, and a key schema change is refused")
    func watchAppliesChanges() throws {
        let project = try TemporaryDirectory()
        _ = try project.write("Package.swift", "// A project of shell-runtime functions; nothing to build.\n")
        try writeExecutable(project.path + "/greeter/bootstrap", Self.bootstrap(answer: "v1"))
        let template = try project.write("template.json", Self.template(functions: ["Greeter": "greeter"], stage: "one"))
        let emulator = try RunningEmulator(template: template, extraArguments: ["--watch"])
        #expect(try invoke(emulator, "Greeter") == #"{"answer":"v1","stage":"one"}"#)

        // The function's code changes: the next invocations run it.
        try writeExecutable(project.path + "/greeter/bootstrap", Self.bootstrap(answer: "v2"))
        #expect(try eventually(emulator, "Greeter", contains: "v2") == #"{"answer":"v2","stage":"one"}"#)
        #expect(emulator.log.contains("Greeter: its CodeUri changed, swapped"))

        // The template changes: a function is added, the other reconfigured; no restart.
        try writeExecutable(project.path + "/second/bootstrap", Self.bootstrap(answer: "second"))
        try Self.template(functions: ["Greeter": "greeter", "Second": "second"], stage: "two")
            .write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try eventually(emulator, "Greeter", contains: "two") == #"{"answer":"v2","stage":"two"}"#)
        #expect(try eventually(emulator, "Second", contains: "second") == #"{"answer":"second","stage":"two"}"#)
        #expect(emulator.log.contains("template reloaded: added Second; reconfigured Greeter"))

        // A table's key schema cannot change live: refused, and everything keeps serving as it was.
        try Self.template(functions: ["Greeter": "greeter"], stage: "three", tableKey: "id")
            .write(toFile: template, atomically: true, encoding: .utf8)
        let deadline = ContinuousClock.now + .seconds(20)
        while !emulator.log.contains("template change refused") && ContinuousClock.now < deadline { usleep(100_000) }
        #expect(emulator.log.contains("template change refused, the running configuration stays"), "\(emulator.log)")
        #expect(try invoke(emulator, "Second") == #"{"answer":"second","stage":"two"}"#)
        #expect(try invoke(emulator, "Greeter") == #"{"answer":"v2","stage":"two"}"#)
    }
}
