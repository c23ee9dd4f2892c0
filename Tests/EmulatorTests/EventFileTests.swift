import Foundation
import Testing

@testable import Emulator
@testable import FunctionRunner

struct EventFileTests {
    @Test("no event file means {}")
    func defaultEvent() throws {
        #expect(try EventFile.read(nil) == Data("{}".utf8))
    }

    @Test("a missing file is named")
    func missing() {
        #expect(throws: EventFileError(file: "/nope/event.json", message: "no such file")) {
            try EventFile.read("/nope/event.json")
        }
    }

    @Test("JSON errors give the line and column of the problem")
    func position() {
        let data = Data("{\n  \"a\": 1,\n  ü\n}".utf8)
        #expect(JSONErrorText.position(ofByte: 14, in: data) == (3, 3))
        #expect(JSONErrorText.position(ofByte: 0, in: data) == (1, 1))
    }

    @Test("items on the command line are DynamoDB JSON, and mistakes say which option")
    func itemArgument() throws {
        #expect(try ItemArgument.parse(#"{"pk":{"S":"a"},"n":{"N":"1"}}"#, option: "--keys") == ["pk": .s("a"), "n": .n("1")])
        do {
            _ = try ItemArgument.parse(#"{"pk":"a"}"#, option: "--keys")
            Issue.record("expected an error")
        } catch {
            #expect(error.option == "--keys")
            #expect(error.description.hasPrefix("--keys: at pk: "))
        }
    }
}
