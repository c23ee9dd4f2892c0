import FunctionRunner
import DynamoDBEndpoint
import DynamoDBTypes
import Foundation

/// Items given on the command line as DynamoDB JSON (`{"pk": {"S": "a"}}`).
public enum ItemArgument {
    /// Parses an item.
    /// - Throws: ``ItemArgumentError`` naming the option and what is wrong.
    public static func parse(_ text: String, option: String) throws(ItemArgumentError) -> Item {
        do {
            return try JSONDecoder().decode(Item.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw ItemArgumentError(option: option, message: Self.describe(error))
        } catch {
            throw ItemArgumentError(option: option, message: JSONErrorText.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
            .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (path.isEmpty ? "" : "at \(path): ") + (underlying ?? context.debugDescription)
        @unknown default:
            return "\(error)"
        }
    }
}

/// An item option that is not DynamoDB JSON.
public struct ItemArgumentError: Error, CustomStringConvertible, Equatable {
    /// The option, e.g. `--keys`.
    public let option: String
    /// What is wrong.
    public let message: String

    public var description: String {
        "\(option): \(message); expected an object of attribute names to AttributeValues such as {\"pk\":{\"S\":\"a\"}}"
    }
}
