import Foundation
import FunctionPackaging
import Testing

struct PackagedTemplateTests {
    static let template = """
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Globals": { "Function": { "Runtime": "provided.al2023", "CodeUri": "functions/Shared" } },
          "Resources": {
            "Echo": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "Handler": "Echo", "CodeUri": "functions/Echo", "Description": "Echo \\"CodeUri\\"" }
            },
            "Other": { "Type": "AWS::Serverless::Function", "Properties": {"Handler": "Other"} }
          }
        }

        """

    @Test("Each CodeUri is replaced or inserted, Globals' made relative; every other byte is kept")
    func rewrite() throws {
        let text = try PackagedTemplate.rewrite(
            Self.template, path: "template.json", codeURIs: ["Echo": "Echo.zip", "Other": "../functions/Other"],
            templateDirectory: "/repo", outputDirectory: "/repo/dist")
        #expect(
            text
                == Self.template
                .replacingOccurrences(of: #""CodeUri": "functions/Echo""#, with: #""CodeUri": "Echo.zip""#)
                .replacingOccurrences(of: #""Properties": {"Handler": "Other"}"#,
                    with: #""Properties": { "CodeUri": "../functions/Other","Handler": "Other"}"#)
                .replacingOccurrences(of: #""CodeUri": "functions/Shared""#, with: #""CodeUri": "../functions/Shared""#))
    }

    @Test("A function missing from the text is an error naming the template and the path")
    func missingResource() {
        #expect(throws: PackagingError.template("t.json", "no $.Resources.Nope.Properties object to set CodeUri in")) {
            try PackagedTemplate.rewrite(
                Self.template, path: "t.json", codeURIs: ["Nope": "x.zip"], templateDirectory: "/", outputDirectory: "/")
        }
    }

    @Test("Relative paths climb with .. where needed")
    func relative() {
        #expect(PackagedTemplate.relativePath("/repo/functions/Echo", from: "/repo/.lambda-local/package")
            == "../../functions/Echo")
        #expect(PackagedTemplate.relativePath("/repo/dist/Echo.zip", from: "/repo/dist") == "Echo.zip")
        #expect(PackagedTemplate.relativePath("/repo", from: "/repo") == ".")
    }
}
