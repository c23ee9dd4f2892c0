import SAMTemplate
import Testing

struct IntrinsicTests {
    static let parameters = """
        {"Stage": {"Type": "String", "Default": "dev"},
         "Zones": {"Type": "CommaDelimitedList", "Default": "a,b,c"},
         "Size": {"Type": "Number", "Default": 256}}
        """

    /// The value of environment variable `V` set to `value`.
    func variable(_ value: String, options: TemplateLoadOptions = TemplateLoadOptions()) throws -> String? {
        let template = try loadTemplate(
            echoTemplate(
                properties: #""Environment": {"Variables": {"V": \#(value)}}"#, resources: messagesTable,
                parameters: Self.parameters),
            options: options)
        return template.function(named: "Echo")?.environment["V"]
    }

    @Test(
        "Ref, Fn::GetAtt, Fn::Sub and Fn::Join give CloudFormation's values",
        arguments: [
            (#"{"Ref": "Stage"}"#, "dev"),
            (#"{"Ref": "Size"}"#, "256"),
            (#"{"Ref": "AWS::Region"}"#, "us-east-1"),
            (#"{"Ref": "AWS::AccountId"}"#, "123456789012"),
            (#"{"Ref": "AWS::Partition"}"#, "aws"),
            (#"{"Ref": "AWS::StackName"}"#, "local"),
            (#"{"Ref": "AWS::URLSuffix"}"#, "amazonaws.com"),
            (#"{"Ref": "Messages"}"#, "cruddur-messages"),
            (#"{"Ref": "Echo"}"#, "Echo"),
            (#"{"Fn::GetAtt": ["Messages", "Arn"]}"#, "arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages"),
            (#"{"Fn::GetAtt": "Echo.Arn"}"#, "arn:aws:lambda:us-east-1:123456789012:function:Echo"),
            (
                #"{"Fn::GetAtt": "Messages.StreamArn"}"#,
                "arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages/stream/1970-01-01T00:00:00.000"
            ),
            (#"{"Fn::Sub": "${Stage}-${AWS::Region}-${Messages}"}"#, "dev-us-east-1-cruddur-messages"),
            (
                #"{"Fn::Sub": "${Messages.Arn}/index/*"}"#,
                "arn:aws:dynamodb:us-east-1:123456789012:table/cruddur-messages/index/*"
            ),
            (#"{"Fn::Sub": "${!Literal} and ${!Stage}"}"#, "${Literal} and ${Stage}"),
            (#"{"Fn::Sub": ["${Greeting}, ${Who}", {"Greeting": "hello", "Who": {"Ref": "Stage"}}]}"#, "hello, dev"),
            (#"{"Fn::Sub": "no variables"}"#, "no variables"),
            (#"{"Fn::Join": ["-", ["a", {"Ref": "Stage"}, 3]]}"#, "a-dev-3"),
            (#"{"Fn::Join": [",", {"Ref": "Zones"}]}"#, "a,b,c"),
            (#"{"Fn::Join": ["", []]}"#, ""),
        ])
    func values(value: String, expected: String) throws {
        #expect(try variable(value) == expected)
    }

    @Test("region and account come from the load options")
    func regionAndAccount() throws {
        let options = TemplateLoadOptions(region: "cn-north-1", accountID: "000000000000")
        #expect(
            try variable(#"{"Fn::GetAtt": ["Messages", "Arn"]}"#, options: options)
                == "arn:aws-cn:dynamodb:cn-north-1:000000000000:table/cruddur-messages")
        #expect(try variable(#"{"Ref": "AWS::URLSuffix"}"#, options: options) == "amazonaws.com.cn")
    }

    @Test(
        "unsupported or unresolvable intrinsics name the path",
        arguments: [
            (
                #"{"Ref": "Nope"}"#,
                #"V.Ref: found "Nope", expected the name of a parameter, a pseudo parameter or a resource"#
            ),
            (
                #"{"Ref": "AWS::NoValue"}"#,
                #"V.Ref: found "AWS::NoValue", expected one of the pseudo parameters AWS::AccountId, AWS::Partition, "#
                    + "AWS::Region, AWS::StackName, AWS::URLSuffix"
            ),
            (
                #"{"Fn::GetAtt": ["Nope", "Arn"]}"#,
                #"V.Fn::GetAtt: found "Nope.Arn", expected an attribute of a resource declared in Resources"#
            ),
            (
                #"{"Fn::GetAtt": ["Messages", "Name"]}"#,
                #"V.Fn::GetAtt: found "Messages.Name", expected an attribute of a table: Arn or StreamArn"#
            ),
            (
                #"{"Fn::GetAtt": "Messages"}"#,
                #"V.Fn::GetAtt: found "Messages", expected [LogicalId, Attribute] or "LogicalId.Attribute" with literal "#
                    + "strings"
            ),
            (#"{"Fn::Sub": "${Stage"}"#, #"V.Fn::Sub: found "${Stage", expected a '}' closing each '${'"#),
            (
                #"{"Fn::Sub": "${Missing}"}"#,
                #"V.Fn::Sub: found "Missing", expected the name of a parameter, a pseudo parameter or a resource"#
            ),
            (
                #"{"Fn::Sub": "${Zones}"}"#,
                "V.Fn::Sub: found ${Zones} naming a list parameter, expected a variable with a string value"
            ),
            (#"{"Fn::Join": ["-", "ab"]}"#, #"V.Fn::Join[1]: found "ab", expected a list of strings"#),
            (
                #"{"Fn::Select": [0, ["a"]]}"#,
                "V: found Fn::Select, expected a literal value, Ref, Fn::GetAtt, Fn::Sub or Fn::Join (lambda-local does "
                    + "not evaluate Fn::Select)"
            ),
            (
                #"{"Fn::FindInMap": ["M", "K", "V"]}"#,
                "V: found Fn::FindInMap, expected a literal value, Ref, Fn::GetAtt, Fn::Sub or Fn::Join (lambda-local "
                    + "does not evaluate Fn::FindInMap)"
            ),
        ])
    func failures(value: String, message: String) {
        let json = echoTemplate(
            properties: #""Environment": {"Variables": {"V": \#(value)}}"#, resources: messagesTable,
            parameters: Self.parameters)
        #expect(loadError(json) == "\(echoPath).Environment.Variables.\(message)")
    }

    @Test("a table's StreamArn needs a StreamSpecification")
    func streamArnWithoutStream() {
        let table = messagesTableJSON(stream: false)
        let json = echoTemplate(
            properties: #""Environment": {"Variables": {"V": {"Fn::GetAtt": "Messages.StreamArn"}}}"#, resources: table)
        #expect(
            loadError(json)
                == "\(echoPath).Environment.Variables.V.Fn::GetAtt: found \"Messages.StreamArn\", expected the StreamArn "
                + "of a table that has a StreamSpecification")
    }

    @Test("a name may not refer to another resource")
    func nameReferringToResource() {
        let json = echoTemplate(properties: #""FunctionName": {"Fn::Sub": "${Messages}-fn"}"#, resources: messagesTable)
        #expect(
            loadError(json)
                == #"\#(echoPath).FunctionName.Fn::Sub: found a reference to resource "Messages", expected a name built "#
                + "from literals, parameters and pseudo parameters")
    }

    @Test("Conditions are refused as unsupported")
    func conditions() {
        let json = #"{"Conditions": {"IsProd": {"Fn::Equals": ["a", "b"]}}, "Resources": {}}"#
        #expect(
            loadError(json)
                == "template.json: $.Conditions: found a Conditions section, expected a template without conditions "
                + "(lambda-local does not evaluate Conditions or Fn::If)")
    }
}
