import Foundation
import SAMTemplate

/// The copied `Fixtures` directory; template text loaded in memory resolves `CodeUri` against it.
let fixturesDirectory: String = {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        fatalError("the Fixtures resource is missing from the test bundle")
    }
    return url.standardizedFileURL.path
}()

/// Loads template text as `template.json` in the fixtures directory.
func loadTemplate(_ json: String, options: TemplateLoadOptions = TemplateLoadOptions()) throws(TemplateError)
    -> Template
{
    try TemplateLoader.load(
        data: Data(json.utf8), file: "template.json", directory: fixturesDirectory, options: options)
}

/// The message of the error loading `json` throws, or nil when it loads.
func loadError(_ json: String, options: TemplateLoadOptions = TemplateLoadOptions()) -> String? {
    do {
        _ = try loadTemplate(json, options: options)
        return nil
    } catch {
        return error.description
    }
}

/// A template with function `Echo` (Handler, CodeUri and Runtime set) plus `properties` and `resources`.
func echoTemplate(
    properties: String = "", resources: String = "", globals: String? = nil, parameters: String? = nil
) -> String {
    """
    {
      "Transform": "AWS::Serverless-2016-10-31",
      \(parameters.map { "\"Parameters\": \($0)," } ?? "")
      \(globals.map { "\"Globals\": \($0)," } ?? "")
      "Resources": {
        "Echo": {
          "Type": "AWS::Serverless::Function",
          "Properties": {
            "Handler": "Echo", "CodeUri": "functions/Echo", "Runtime": "provided.al2023"\(properties.isEmpty ? "" : ",")
            \(properties)
          }
        }\(resources.isEmpty ? "" : ",")
        \(resources)
      }
    }
    """
}

/// A pay-per-request table `Messages` named `cruddur-messages` with key `pk` and, by default, a NEW_IMAGE stream.
func messagesTableJSON(stream: Bool = true) -> String {
    """
    "Messages": {
      "Type": "AWS::DynamoDB::Table",
      "Properties": {
        "TableName": "cruddur-messages",
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        \(stream ? #""StreamSpecification": {"StreamViewType": "NEW_IMAGE"},"# : "")
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]
      }
    }
    """
}

/// `messagesTableJSON()`.
let messagesTable = messagesTableJSON()

/// `Echo` with a DynamoDB event `Stream` on the `Messages` table plus `eventProperties`.
func streamTemplate(_ eventProperties: String = "") -> String {
    echoTemplate(
        properties: """
            "Events": {"Stream": {"Type": "DynamoDB", "Properties": {
              "Stream": {"Fn::GetAtt": ["Messages", "StreamArn"]}, "StartingPosition": "LATEST"\
            \(eventProperties.isEmpty ? "" : ", " + eventProperties)
            }}}
            """,
        resources: messagesTable)
}

/// A template with only table `Tab` whose properties are `properties`.
func tableTemplate(_ properties: String) -> String {
    """
    {"Resources": {"Tab": {"Type": "AWS::DynamoDB::Table", "Properties": {\(properties)}}}}
    """
}

/// The path prefix of `Echo`'s properties in messages.
let echoPath = "template.json: $.Resources.Echo.Properties"
