import SAMTemplate
import Testing

struct GlobalsTests {
    @Test("scalars: the function's value wins over the global one; absent ones are inherited")
    func scalars() throws {
        let template = try loadTemplate(
            echoTemplate(
                properties: #""Timeout": 10"#,
                globals: #"{"Function": {"Timeout": 20, "MemorySize": 512, "Runtime": "provided.al2"}}"#))
        let echo = try #require(template.function(named: "Echo"))
        #expect(echo.timeout == 10)
        #expect(echo.memorySize == 512)
        #expect(echo.runtime == .providedAL2023)
    }

    @Test("Environment.Variables merge key by key, globals first, the function winning")
    func environmentMerge() throws {
        let template = try loadTemplate(
            echoTemplate(
                properties: #""Environment": {"Variables": {"LEVEL": "debug", "OWN": "x"}}"#,
                globals: #"{"Function": {"Environment": {"Variables": {"SHARED": "s", "LEVEL": "info"}}}}"#))
        let echo = try #require(template.function(named: "Echo"))
        #expect(echo.environmentVariables.map(\.name) == ["SHARED", "LEVEL", "OWN"])
        #expect(echo.environment == ["SHARED": "s", "LEVEL": "debug", "OWN": "x"])
    }

    @Test("Handler, CodeUri and Runtime may come from Globals alone")
    func inheritedRequired() throws {
        let json = """
            {"Transform": "AWS::Serverless-2016-10-31",
             "Globals": {"Function": {"Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2",
                                      "Architectures": ["arm64"]}},
             "Resources": {"Echo": {"Type": "AWS::Serverless::Function"}}}
            """
        let echo = try #require(try loadTemplate(json).function(named: "Echo"))
        #expect(echo.handler == "Echo")
        #expect(echo.runtime == .providedAL2)
        #expect(echo.architectures == [.arm64])
    }

    @Test("lists concatenate as in SAM, so two Architectures are refused at the function")
    func listsConcatenate() {
        #expect(
            loadError(
                echoTemplate(
                    properties: #""Architectures": ["arm64"]"#, globals: #"{"Function": {"Architectures": ["x86_64"]}}"#
                ))
                == #"\#(echoPath).Architectures: found ["x86_64", "arm64"], expected [x86_64] or [arm64]"#)
    }

    @Test("an intrinsic function in the function replaces a global map instead of merging into it")
    func intrinsicIsScalar() throws {
        let merged = try loadTemplate(
            echoTemplate(
                properties: #""Timeout": {"Ref": "Seconds"}"#, globals: #"{"Function": {"Timeout": 9}}"#,
                parameters: #"{"Seconds": {"Type": "Number", "Default": "45"}}"#))
        #expect(merged.function(named: "Echo")?.timeout == 45)
    }

    @Test(
        "bad globals are reported at their own path",
        arguments: [
            (
                #"{"Function": {"Timeout": 0}}"#,
                "$.Globals.Function.Timeout: found 0, expected an integer from 1 to 900"
            ),
            (
                #"{"Function": {"FunctionName": "x"}}"#,
                #"$.Globals.Function.FunctionName: found unknown property "FunctionName", expected one of Architectures, "#
                    + "CodeUri, Description, Environment, Handler, MemorySize, ReservedConcurrentExecutions, Runtime, Tags, "
                    + "Timeout, Tracing"
            ),
            (
                #"{"Functions": {}}"#,
                #"$.Globals.Functions: found unknown property "Functions", expected one of Api, Function, HttpApi, "#
                    + "SimpleTable, StateMachine"
            ),
            (
                #"{"Function": {"Runtime": "java21"}}"#,
                #"$.Globals.Function.Runtime: found "java21", expected provided.al2023 or provided.al2 (lambda-local runs "#
                    + "custom-runtime functions)"
            ),
        ])
    func invalidGlobals(globals: String, message: String) {
        #expect(loadError(echoTemplate(globals: globals)) == "template.json: \(message)")
    }
}
