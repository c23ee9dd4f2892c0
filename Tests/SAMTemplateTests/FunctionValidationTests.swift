import SAMTemplate
import Testing

struct FunctionValidationTests {
    @Test("defaults: FunctionName is the logical ID, 3 s, 128 MB, x86_64, no reserved concurrency")
    func defaults() throws {
        let echo = try #require(try loadTemplate(echoTemplate()).function(named: "Echo"))
        #expect(echo.logicalID == "Echo")
        #expect(echo.functionName == "Echo")
        #expect(echo.timeout == 3)
        #expect(echo.memorySize == 128)
        #expect(echo.architectures == [.x86_64])
        #expect(echo.reservedConcurrency == nil)
        #expect(echo.description == nil)
        #expect(echo.codeURI == fixturesDirectory + "/functions/Echo")
    }

    @Test(
        "accepts each range bound",
        arguments: [
            (#""Timeout": 1"#, 1, 128), (#""Timeout": 900"#, 900, 128), (#""MemorySize": 128"#, 3, 128),
            (#""MemorySize": 10240"#, 3, 10240), (#""Timeout": "60""#, 60, 128),
        ])
    func rangeBounds(property: String, timeout: Int, memorySize: Int) throws {
        let echo = try #require(try loadTemplate(echoTemplate(properties: property)).function(named: "Echo"))
        #expect(echo.timeout == timeout)
        #expect(echo.memorySize == memorySize)
    }

    @Test(
        "rejects bad function properties with the path, what was found and what was expected",
        arguments: [
            (#""Timeout": 0"#, "Timeout: found 0, expected an integer from 1 to 900"),
            (#""Timeout": 901"#, "Timeout: found 901, expected an integer from 1 to 900"),
            (#""Timeout": 2.5"#, "Timeout: found 2.5, expected an integer from 1 to 900"),
            (#""Timeout": 3.0"#, "Timeout: found 3.0, expected an integer from 1 to 900"),
            (#""Timeout": "soon""#, #"Timeout: found "soon", expected an integer from 1 to 900"#),
            (#""MemorySize": 127"#, "MemorySize: found 127, expected an integer from 128 to 10240"),
            (#""MemorySize": 10241"#, "MemorySize: found 10241, expected an integer from 128 to 10240"),
            (
                #""ReservedConcurrentExecutions": -1"#,
                "ReservedConcurrentExecutions: found -1, expected an integer of at least 0"
            ),
            (#""Architectures": ["sparc"]"#, #"Architectures: found ["sparc"], expected [x86_64] or [arm64]"#),
            (
                #""Architectures": ["x86_64", "arm64"]"#,
                #"Architectures: found ["x86_64", "arm64"], expected [x86_64] or [arm64]"#
            ),
            (#""Architectures": "arm64""#, #"Architectures: found "arm64", expected [x86_64] or [arm64]"#),
            (
                #""Timout": 3"#,
                #"Timout: found unknown property "Timout", expected one of Architectures, CodeUri, Description, "#
                    + "Environment, EventInvokeConfig, Events, FunctionName, Handler, MemorySize, Policies, "
                    + "ReservedConcurrentExecutions, "
                    + "Role, Runtime, Tags, Timeout, Tracing"
            ),
            (
                #""FunctionName": "has space""#,
                #"FunctionName: found "has space", expected 1 to 64 characters from a-z, A-Z, 0-9, '_' and '-'"#
            ),
            (
                #""Environment": {"Vars": {}}"#,
                #"Environment.Vars: found unknown property "Vars", expected one of Variables"#
            ),
            (
                #""Environment": {"Variables": {"AWS_REGION": "x"}}"#,
                #"Environment.Variables.AWS_REGION: found reserved variable name "AWS_REGION", expected a name Lambda "#
                    + "does not set itself"
            ),
            (
                #""Environment": {"Variables": {"1ST": "x"}}"#,
                #"Environment.Variables.1ST: found variable name "1ST", expected a name of letters, digits and '_' that "#
                    + "starts with a letter"
            ),
            (
                #""Environment": {"Variables": {"LIST": ["a"]}}"#,
                "Environment.Variables.LIST: found an array, expected a string, a number or a boolean"
            ),
            (
                #""Environment": {"Variables": {"BIG": "\#(String(repeating: "x", count: 4094))"}}"#,
                "Environment.Variables: found 4097 bytes of names and values, expected at most 4096 bytes in total"
            ),
            (
                #""Environment": {"Variables": {"FLAG": {"Fn::If": ["C", "a", "b"]}}}"#,
                "Environment.Variables.FLAG: found Fn::If, expected a literal value, Ref, Fn::GetAtt, Fn::Sub or Fn::Join "
                    + "(lambda-local does not evaluate Fn::If)"
            ),
            (
                #""Events": {"Bad-Name": {"Type": "Api"}}"#,
                #"Events["Bad-Name"]: found "Bad-Name", expected an event name of letters and digits only"#
            ),
            (
                #""Events": {"Poll": {"Kind": "SQS"}}"#,
                #"Events.Poll.Kind: found unknown property "Kind", expected one of Properties, Type"#
            ),
        ])
    func invalidProperty(property: String, message: String) {
        #expect(loadError(echoTemplate(properties: property)) == "\(echoPath).\(message)")
    }

    @Test(
        "a runtime other than provided.* is refused with a clear message",
        arguments: ["python3.12", "provided", "nodejs22.x"])
    func otherRuntime(runtime: String) {
        let json = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Echo": {"Type": "AWS::Serverless::Function",
              "Properties": {"Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "\(runtime)"}}}}
            """
        #expect(
            loadError(json)
                == "\(echoPath).Runtime: found \"\(runtime)\", expected provided.al2023 or provided.al2 "
                + "(lambda-local runs custom-runtime functions)")
    }

    @Test(
        "Handler, CodeUri and Runtime are required here or in Globals",
        arguments: [
            (
                #""CodeUri": "functions/Echo", "Runtime": "provided.al2023""#,
                "Handler: found nothing, expected the executable's name here or in Globals.Function"
            ),
            (
                #""Handler": "Echo", "Runtime": "provided.al2023""#,
                "CodeUri: found nothing, expected a path to the function's code here or in Globals.Function"
            ),
            (
                #""Handler": "Echo", "CodeUri": "functions/Echo""#,
                "Runtime: found nothing, expected provided.al2023 or provided.al2 here or in Globals.Function"
            ),
        ])
    func requiredProperties(properties: String, message: String) {
        let json = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Echo": {"Type": "AWS::Serverless::Function",
              "Properties": {\(properties)}}}}
            """
        #expect(loadError(json) == "\(echoPath).\(message)")
    }

    @Test("a CodeUri that does not exist is named with its resolved path")
    func missingCodeURI() {
        let json = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Echo": {"Type": "AWS::Serverless::Function",
              "Properties": {"Handler": "Echo", "CodeUri": "functions/Nope", "Runtime": "provided.al2023"}}}}
            """
        #expect(
            loadError(json)
                == "\(echoPath).CodeUri: found \"functions/Nope\", which does not exist at \(fixturesDirectory)/functions/Nope, "
                + "expected a path relative to the template's directory that exists")
    }

    @Test("CodeUri in S3 is refused")
    func s3CodeURI() {
        let json = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Echo": {"Type": "AWS::Serverless::Function",
              "Properties": {"Handler": "Echo", "CodeUri": {"Bucket": "b", "Key": "k"}, "Runtime": "provided.al2023"}}}}
            """
        #expect(
            loadError(json)
                == "\(echoPath).CodeUri: found an object, expected a local path in a string (lambda-local does not fetch "
                + "code from S3)")
    }

    @Test("environment values: numbers and booleans become strings, order is kept")
    func environmentValues() throws {
        let echo = try #require(
            try loadTemplate(
                echoTemplate(properties: #""Environment": {"Variables": {"B": 5, "A": true, "C": 1.5, "D": "d"}}"#)
            ).function(named: "Echo"))
        #expect(echo.environmentVariables.map(\.name) == ["B", "A", "C", "D"])
        #expect(echo.environment == ["B": "5", "A": "true", "C": "1.5", "D": "d"])
    }

    @Test("two functions may not share a name, nor use another's logical ID as their name")
    func nameCollisions() {
        let twins = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "One": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": "same",
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"}},
              "Two": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": "same",
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"}}}}
            """
        #expect(
            loadError(twins)
                == #"template.json: $.Resources.Two.Properties.FunctionName: found "same", expected a name no other "#
                + #"function uses (function "One" has it)"#)
        let shadow = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "One": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": "first",
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"}},
              "Two": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": "One",
                "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"}}}}
            """
        #expect(
            loadError(shadow)
                == #"template.json: $.Resources.Two.Properties.FunctionName: found "One", expected a name that is not "#
                + "the logical ID of another function")
    }
}
