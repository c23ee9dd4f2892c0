import SAMTemplate
import Testing

struct TemplateStructureTests {
    @Test(
        "top-level and resource errors name the path",
        arguments: [
            (
                #"{"Resources": {}}"#,
                "$.Resources: found nothing, expected a Resources object declaring at least one resource"
            ),
            (#"[]"#, "$: found an empty array, expected an object"),
            (
                #"{"Resource": {}}"#,
                #"$.Resource: found unknown property "Resource", expected one of AWSTemplateFormatVersion, Conditions, "#
                    + "Description, Globals, Mappings, Metadata, Outputs, Parameters, Resources, Rules, Transform"
            ),
            (
                #"{"AWSTemplateFormatVersion": "2020-01-01", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#,
                #"$.AWSTemplateFormatVersion: found "2020-01-01", expected "2010-09-09""#
            ),
            (
                #"{"Resources": {"E": {"Type": "AWS::Serverless::Function"}}}"#,
                #"$.Transform: found nothing, expected "AWS::Serverless-2016-10-31" because resource "E" is "#
                    + "AWS::Serverless::Function"
            ),
            (
                #"{"Transform": "AWS::LanguageExtensions", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#,
                #"$.Transform: found "AWS::LanguageExtensions", expected "AWS::Serverless-2016-10-31" (the only "#
                    + "transform lambda-local applies)"
            ),
            (
                #"{"Resources": {"my-queue": {"Type": "AWS::SQS::Queue"}}}"#,
                #"$.Resources["my-queue"]: found "my-queue", expected a logical ID of letters and digits only"#
            ),
            (
                #"{"Resources": {"Q": {"Properties": {}}}}"#,
                "$.Resources.Q.Type: found nothing, expected a resource type such as AWS::Serverless::Function"
            ),
            (
                #"{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Condition": "IsProd"}}}"#,
                #"$.Resources.Q.Condition: found "IsProd", expected a resource without Condition (lambda-local does not "#
                    + "evaluate conditions)"
            ),
            (
                #"{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "DependOn": "X"}}}"#,
                #"$.Resources.Q.DependOn: found unknown property "DependOn", expected one of Condition, CreationPolicy, "#
                    + "DeletionPolicy, DependsOn, Metadata, Properties, Type, UpdatePolicy, UpdateReplacePolicy"
            ),
        ])
    func failures(json: String, message: String) {
        #expect(loadError(json) == "template.json: \(message)")
    }

    @Test("a transform list containing the serverless transform is accepted")
    func transformList() throws {
        let json = echoTemplate().replacingTransform(#"["AWS::Serverless-2016-10-31"]"#)
        #expect(try loadTemplate(json).functions.count == 1)
    }

    @Test("error codes classify the problem")
    func codes() {
        #expect(throws: TemplateError.self) { try loadTemplate(#"{"Resources": {"Q": {"Type": 1}}}"#) }
        do {
            _ = try loadTemplate(echoTemplate(properties: #""Timout": 3"#))
        } catch {
            #expect(error.code == .unknownProperty)
            #expect(error.file == "template.json")
            #expect(error.path == "$.Resources.Echo.Properties.Timout")
            #expect(error.position == nil)
        }
    }
}

extension String {
    fileprivate func replacingTransform(_ value: String) -> String {
        var copy = self
        if let range = copy.firstRange(of: #""AWS::Serverless-2016-10-31""#) {
            copy.replaceSubrange(range, with: value)
        }
        return copy
    }
}
