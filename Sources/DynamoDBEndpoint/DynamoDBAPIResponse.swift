import DynamoDBTypes
import Foundation
import TableStore

/// What the endpoint answers one request with, before it becomes an HTTP response.
struct DynamoDBAPIResponse: Sendable, Equatable {
    /// The HTTP status.
    var status: Int
    /// The JSON body.
    var body: Data

    /// A successful operation's output.
    static func success(_ body: Data) -> DynamoDBAPIResponse {
        DynamoDBAPIResponse(status: 200, body: body)
    }

    /// The one place a ``DynamoDBError`` becomes DynamoDB's error response: its status and
    /// `{"__type": "<namespace>#<Code>", "message": ..., "Item"?, "CancellationReasons"?}`.
    static func failure(_ error: DynamoDBError) -> DynamoDBAPIResponse {
        let body = ErrorBody(
            type: error.code.wireType, message: error.message, item: error.item,
            cancellationReasons: error.cancellationReasons)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Encoding strings, items and reasons cannot fail; the fallback keeps the response well-formed regardless.
        let data =
            (try? encoder.encode(body))
            ?? Data(
                #"{"__type":"\#(DynamoDBError.Code.internalServerError.wireType)","message":"Internal server error"}"#
                    .utf8)
        return DynamoDBAPIResponse(status: error.code.httpStatus, body: data)
    }

    /// DynamoDB's error document (keys sorted so bodies are deterministic).
    private struct ErrorBody: Encodable {
        var type: String
        var message: String
        var item: Item?
        var cancellationReasons: [CancellationReason]?

        enum CodingKeys: String, CodingKey {
            case type = "__type"
            case message
            case item = "Item"
            case cancellationReasons = "CancellationReasons"
        }
    }
}
