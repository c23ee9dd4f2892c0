import Foundation
import NIOCore
import Testing

@testable import Emulator

struct InvokeRequestTests {
    @Test("X-Amz-Client-Context is base64 of JSON; the runtime gets the decoded text")
    func clientContext() throws {
        let json = #"{"custom":{"k":"v"}}"#
        #expect(try InvokeRequestBody.clientContext(Data(json.utf8).base64EncodedString()) == json)
        #expect(try InvokeRequestBody.clientContext(nil) == nil)
        #expect(throws: InvokeAPIError.invalidParameter("Client context must be a valid Base64-encoded JSON object.")) {
            try InvokeRequestBody.clientContext("%%%")
        }
    }

    @Test("a payload that is not JSON is InvalidRequestContentException before any function runs")
    func invalidJSON() {
        #expect(throws: InvokeAPIError.self) { try InvokeRequestBody.validateJSON(ByteBuffer(string: "{nope")) }
        #expect(throws: Never.self) { try InvokeRequestBody.validateJSON(ByteBuffer(string: #"["ok", 1]"#)) }
    }

    @Test("service errors carry x-amzn-ErrorType and a {Type, message} body")
    func errorResponse() throws {
        let response = InvokeAPIServer.errorResponse(.functionNotFound("arn:aws:lambda:us-east-1:1:function:X"))
        #expect(response.status == .notFound)
        #expect(response.headers[InvokeAPIHeaders.errorType] == "ResourceNotFoundException")
    }
}
