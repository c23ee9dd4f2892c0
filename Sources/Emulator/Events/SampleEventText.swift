import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import Foundation

/// Sample events as `generate-event` prints them: indented, in AWS's field order.
public enum SampleEventText {
    /// The event as indented JSON.
    public static func prettyJSON(_ event: DynamoDBStreamEvent) throws -> String {
        try OrderedJSONEncoder(indent: 2).encodeToString(event)
    }
}
