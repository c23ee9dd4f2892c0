import SAMTemplate
import Testing

struct ParameterTests {
    /// `Echo`'s `Description`, set from `Ref P` where `P` is declared as `declaration`.
    func description(_ declaration: String, overrides: [String: String] = [:]) throws -> String? {
        let template = try loadTemplate(
            echoTemplate(properties: #""Description": {"Ref": "P"}"#, parameters: #"{"P": \#(declaration)}"#),
            options: TemplateLoadOptions(parameterOverrides: overrides))
        return template.function(named: "Echo")?.description
    }

    @Test("an override wins over the Default")
    func override() throws {
        #expect(try description(#"{"Type": "String", "Default": "from-default"}"#) == "from-default")
        #expect(
            try description(#"{"Type": "String", "Default": "d"}"#, overrides: ["P": "from-override"])
                == "from-override")
        #expect(try description(#"{"Type": "String"}"#, overrides: ["P": "only-override"]) == "only-override")
    }

    @Test("numbers and booleans in Default become strings")
    func scalarDefault() throws {
        #expect(try description(#"{"Type": "Number", "Default": 42}"#) == "42")
        #expect(try description(#"{"Type": "String", "Default": true}"#) == "true")
    }

    @Test(
        "parameter errors name the parameter",
        arguments: [
            (
                #"{"Type": "String"}"#, [String: String](),
                #"$.Parameters.P.Default: found nothing, expected a Default or a parameter override for "P""#
            ),
            (
                #"{"Type": "Number", "Default": "many"}"#, [:],
                #"$.Parameters.P.Default: found "many", expected a number"#
            ),
            (#"{"Type": "Number", "Default": "1"}"#, ["P": "x"], #"$.Parameters.P: found "x", expected a number"#),
            (
                #"{"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]}"#, ["P": "test"],
                #"$.Parameters.P: found "test", expected one of the AllowedValues dev, prod"#
            ),
            (
                #"{"Type": "String", "Default": "ab", "AllowedPattern": "[a-z]+[0-9]"}"#, [:],
                #"$.Parameters.P.Default: found "ab", expected a value matching AllowedPattern "[a-z]+[0-9]""#
            ),
            (
                #"{"Type": "String", "Default": "ab", "MinLength": 3}"#, [:],
                #"$.Parameters.P.Default: found "ab", expected at least 3 characters (MinLength)"#
            ),
            (
                #"{"Type": "Number", "Default": "11", "MaxValue": 10}"#, [:],
                #"$.Parameters.P.Default: found "11", expected at most 10 (MaxValue)"#
            ),
            (
                #"{"Type": "Text", "Default": "x"}"#, [:],
                #"$.Parameters.P.Type: found "Text", expected String, Number, CommaDelimitedList, List<Number> or an "#
                    + "AWS-specific parameter type"
            ),
            (
                #"{"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/a"}"#, [:],
                #"$.Parameters.P.Type: found "AWS::SSM::Parameter::Value<String>", expected a type whose value is in the "#
                    + "template (lambda-local does not read SSM parameters)"
            ),
            (
                #"{"Type": "String", "Default": "x", "Defualt": "y"}"#, [:],
                #"$.Parameters.P.Defualt: found unknown property "Defualt", expected one of AllowedPattern, AllowedValues, "#
                    + "ConstraintDescription, Default, Description, MaxLength, MaxValue, MinLength, MinValue, NoEcho, Type"
            ),
            (
                #"{"Type": "String", "Default": "x"}"#, ["Q": "y"],
                #"$.Parameters: found an override for "Q", expected overrides for declared parameters only: P"#
            ),
        ])
    func failures(declaration: String, overrides: [String: String], message: String) {
        let json = echoTemplate(properties: #""Description": {"Ref": "P"}"#, parameters: #"{"P": \#(declaration)}"#)
        #expect(
            loadError(json, options: TemplateLoadOptions(parameterOverrides: overrides)) == "template.json: \(message)")
    }

    @Test("an override for a template without parameters is an error")
    func overrideWithoutParameters() {
        #expect(
            loadError(echoTemplate(), options: TemplateLoadOptions(parameterOverrides: ["Stage": "prod"]))
                == #"template.json: $.Parameters: found an override for "Stage", expected no overrides (the template "#
                + "declares no parameters)")
    }
}
