import Foundation
import Testing

@testable import Emulator
@testable import FunctionRunner

struct EnvironmentOverridesTests {
    func load(_ text: String) throws(EnvironmentOverridesError) -> EnvironmentOverrides {
        let path = NSTemporaryDirectory() + "env-\(UUID().uuidString).json"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            return try EnvironmentOverrides.load(path: path)
        } catch {
            throw EnvironmentOverridesError(file: "env.json", path: error.path, message: error.message)
        }
    }

    @Test("Parameters apply to every function; a function's own object wins")
    func merge() throws {
        let overrides = try load(#"{"Parameters": {"A": "1", "B": "2"}, "Echo": {"B": "3", "N": 4, "F": false}}"#)
        #expect(overrides.variables(logicalID: "Echo", name: "echo") == ["A": "1", "B": "3", "N": "4", "F": "false"])
        #expect(overrides.variables(logicalID: "Other", name: "other") == ["A": "1", "B": "2"])
    }

    @Test(
        "bad files are named with the JSON path and what was expected",
        arguments: [
            (#"[1]"#, "env.json: $: found an array, expected an object of function names to variables"),
            (#"{"Echo": "x"}"#, "env.json: $.Echo: found a string, expected an object of variable names to strings"),
            (#"{"Echo": {"A": [1]}}"#, "env.json: $.Echo.A: found an array, expected a string"),
        ])
    func errors(text: String, message: String) {
        #expect(throws: EnvironmentOverridesError.self) { try load(text) }
        do {
            _ = try load(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("malformed JSON names the line and column")
    func malformed() {
        do {
            _ = try load("{\n  \"Echo\": {,}\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("not valid JSON: "))
            #expect(error.message.contains("line 2, column"))
        }
    }
}
