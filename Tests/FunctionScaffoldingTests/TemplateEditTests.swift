import Foundation
import FunctionScaffolding
import SAMTemplate
import Testing

struct TemplateEditTests {
    @Test("The resource is appended to Resources in the template's indentation, with the stream event; nothing else changes")
    func appendsResource() throws {
        let original = try fixture("template.json")
        let names = try #require(FunctionNames("Greeter"))
        let edited = try TemplateEdit.adding(names, streamTable: "MessagesTable", to: original, path: "template.json")
        #expect(onlyInsertsLines(original, edited.replacingOccurrences(of: "    },\n    \"Greeter\"", with: "    }\n    \"Greeter\"")))
        #expect(
            edited.hasSuffix(
                """
                    "MessagingStreamFailures": {
                      "Type": "AWS::SQS::Queue",
                      "Properties": { "MessageRetentionPeriod": 1209600 }
                    },
                    "Greeter": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": {
                        "Handler": "Greeter",
                        "CodeUri": "functions/Greeter",
                        "Description": "Created by lambda-local new",
                        "Events": {
                          "Stream": {
                            "Type": "DynamoDB",
                            "Properties": {
                              "Stream": { "Fn::GetAtt": ["MessagesTable", "StreamArn"] },
                              "StartingPosition": "TRIM_HORIZON",
                              "BatchSize": 10,
                              "FunctionResponseTypes": ["ReportBatchItemFailures"]
                            }
                          }
                        }
                      }
                    }
                  }
                }

                """))
    }

    @Test("An existing resource is refused; a template without Resources is an error naming the file")
    func errors() throws {
        let original = try fixture("template.json")
        #expect(throws: ScaffoldError.exists("template.json: resource \"Echo\"")) {
            try TemplateEdit.adding(#require(FunctionNames("Echo")), streamTable: nil, to: original, path: "template.json")
        }
        #expect(throws: ScaffoldError.unexpectedShape(file: "t.json", "no \"Resources\" object at the top level")) {
            try TemplateEdit.adding(#require(FunctionNames("Greeter")), streamTable: nil, to: "{\"A\": {}}", path: "t.json")
        }
    }
}
