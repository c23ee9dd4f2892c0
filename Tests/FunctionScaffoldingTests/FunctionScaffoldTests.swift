import Foundation
import FunctionScaffolding
import SAMTemplate
import Testing

/// `lambda-local new` on a temporary copy of the repository's Package.swift and template.json (the build, test and
/// invoke of the result run in scripts/check-new-function.sh: they take minutes).
struct FunctionScaffoldTests {
    @Test("new Greeter --stream MessagesTable writes the files and a template that loads with the stream event")
    func streamFunction() throws {
        let project = try fixtureProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        let template = try TemplateLoader.load(contentsOf: "\(project)/template.json")
        let scaffold = try FunctionScaffold(
            names: #require(FunctionNames("Greeter")), packageRoot: project, template: template, stream: "cruddur-messages")
        let done = try scaffold.run()
        #expect(
            done == [
                "created functions/Greeter/Handler/GreeterHandler.swift", "created functions/Greeter/Main/main.swift",
                "created Tests/GreeterTests/GreeterTests.swift", "created events/greeter.json",
                "Package.swift: added the product Greeter, the targets GreeterHandler and Greeter, the test target GreeterTests",
                "template.json: added the resource Greeter with a DynamoDB event on MessagesTable's stream",
            ])
        let edited = try TemplateLoader.load(contentsOf: "\(project)/template.json")
        let greeter = try #require(edited.function(named: "Greeter"))
        #expect(greeter.handler == "Greeter")
        #expect(greeter.codeURI == "\(project)/functions/Greeter")
        #expect(greeter.streamEvents.first?.stream == .table(StreamReference(tableLogicalID: "MessagesTable", tableName: "cruddur-messages")))
        #expect(edited.functions.map(\.logicalID) == template.functions.map(\.logicalID) + ["Greeter"])

        let event = try JSONDecoder().decode(
            SampleEventShape.self, from: Data(contentsOf: URL(fileURLWithPath: "\(project)/events/greeter.json")))
        #expect(event.records.map(\.eventName) == ["INSERT"])
        #expect(event.records[0].eventSourceARN.contains(":table/cruddur-messages/stream/"))
        let handler = try String(contentsOfFile: "\(project)/functions/Greeter/Handler/GreeterHandler.swift", encoding: .utf8)
        #expect(handler.contains("public let greeterHandler: @Sendable (DynamoDBStreamEvent, LambdaContext) async throws"))
        let test = try String(contentsOfFile: "\(project)/Tests/GreeterTests/GreeterTests.swift", encoding: .utf8)
        #expect(test.contains("try await harness.invoke(greeterHandler, eventFile: \"greeter.json\")"))

        // A second run refuses, naming what exists, and changes nothing.
        let before = try String(contentsOfFile: "\(project)/Package.swift", encoding: .utf8)
        #expect(throws: ScaffoldError.self) {
            try FunctionScaffold(
                names: #require(FunctionNames("Greeter")), packageRoot: project, template: edited, stream: nil
            ).run()
        }
        #expect(try String(contentsOfFile: "\(project)/Package.swift", encoding: .utf8) == before)
    }

    @Test("--stream naming no table, or a table without a stream, is refused with the choices")
    func badStream() throws {
        let project = try fixtureProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        let template = try TemplateLoader.load(contentsOf: "\(project)/template.json")
        let error = #expect(throws: ScaffoldError.self) {
            try FunctionScaffold(
                names: #require(FunctionNames("Greeter")), packageRoot: project, template: template, stream: "Nope")
        }
        #expect(error?.description == "\(project)/template.json: no table \"Nope\" in Resources; expected one of: MessagesTable")
    }

    @Test("new Hello without a stream writes a plain event the generated handler answers")
    func plainFunction() throws {
        let project = try fixtureProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        let template = try TemplateLoader.load(contentsOf: "\(project)/template.json")
        _ = try FunctionScaffold(
            names: #require(FunctionNames("Hello")), packageRoot: project, template: template, stream: nil
        ).run()
        #expect(try String(contentsOfFile: "\(project)/events/hello.json", encoding: .utf8) == "{\n  \"name\": \"world\"\n}\n")
        let edited = try TemplateLoader.load(contentsOf: "\(project)/template.json")
        #expect(try #require(edited.function(named: "Hello")).streamEvents.isEmpty)
        let main = try String(contentsOfFile: "\(project)/functions/Hello/Main/main.swift", encoding: .utf8)
        #expect(main.contains("await LambdaRuntime.run(helloHandler)"))
    }
}

/// Just enough of a stream event to check the sample.
private struct SampleEventShape: Decodable {
    struct Record: Decodable {
        let eventName: String
        let eventSourceARN: String
    }
    let records: [Record]

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }
}
