import FunctionRunner
import DynamoDBEndpoint
import Foundation
import Hummingbird
import NIOCore

/// Reading and checking what an Invoke request carries.
enum InvokeRequestBody {
    /// The payload: at most Lambda's limit for the invocation type, valid JSON, `{}` when empty.
    static func read(_ request: Request, type: InvocationType) async throws -> ByteBuffer {
        let limit = type == .event ? PayloadLimits.eventRequest : PayloadLimits.request
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            let size = request.headers[.contentLength].flatMap(Int.init) ?? limit + 1
            throw type == .event ? InvokeAPIError.eventTooLarge(size) : InvokeAPIError.requestTooLarge(size)
        }
        if body.readableBytes == 0 { return ByteBuffer(string: "{}") }
        try validateJSON(body)
        return body
    }

    /// Lambda rejects a payload that is not JSON before it reaches the function.
    static func validateJSON(_ body: ByteBuffer) throws {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: .fragmentsAllowed)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw InvokeAPIError.invalidJSON(reason)
        }
    }

    /// `X-Amz-Client-Context` is base64 of a JSON object; the runtime receives the decoded JSON.
    static func clientContext(_ header: String?) throws -> String? {
        guard let header else { return nil }
        guard let data = Data(base64Encoded: header), let text = String(data: data, encoding: .utf8) else {
            throw InvokeAPIError.invalidParameter("Client context must be a valid Base64-encoded JSON object.")
        }
        return text
    }
}
