import AWSRequest
import CurlHTTP
import DynamoDBTypes

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DynamoDB's error body: `__type` (`namespace#Code`), `message` (or `Message`), and the extras some errors carry.
private struct WireErrorBody: Decodable {
    let type: String
    let message: String?
    let item: Item?
    let cancellationReasons: [CancellationReason]?

    private enum CodingKeys: String, CodingKey {
        case type = "__type"
        case message
        case capitalizedMessage = "Message"
        case item = "Item"
        case cancellationReasons = "CancellationReasons"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        message =
            try container.decodeIfPresent(String.self, forKey: .message)
            ?? container.decodeIfPresent(String.self, forKey: .capitalizedMessage)
        item = try container.decodeIfPresent(Item.self, forKey: .item)
        cancellationReasons = try container.decodeIfPresent([CancellationReason].self, forKey: .cancellationReasons)
    }
}

extension DynamoDBClient {
    /// The error a non-2xx answer stands for: `.service` when the body is DynamoDB's error shape (the code is the
    /// part of `__type` after `#`), `.invalidResponse` naming the status and the start of the body otherwise.
    static func decodeError(_ response: HTTPResponse) -> DynamoDBClientError {
        guard let body = try? JSONDecoder().decode(WireErrorBody.self, from: response.body) else {
            let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            return .invalidResponse("HTTP \(response.status) without a DynamoDB error body: \"\(text)\"")
        }
        let code = AWSJSONRequest.errorCode(fromType: body.type)
        return .service(
            DynamoDBError(
                DynamoDBError.Code(rawValue: code), body.message ?? "", item: body.item,
                cancellationReasons: body.cancellationReasons))
    }
}
