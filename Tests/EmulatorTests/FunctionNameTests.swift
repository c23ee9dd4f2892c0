import Testing

@testable import DynamoDBEndpoint
@testable import Emulator
@testable import FunctionRunner

struct FunctionNameTests {
    @Test(
        "names, qualified names and ARNs as the Invoke API accepts them",
        arguments: [
            ("Echo", "Echo", nil),
            ("Echo:$LATEST", "Echo", "$LATEST"),
            ("Echo:live", "Echo", "live"),
            ("123456789012:function:Echo", "Echo", nil),
            ("arn:aws:lambda:us-east-1:123456789012:function:Echo", "Echo", nil),
            ("arn:aws:lambda:us-east-1:123456789012:function:Echo:7", "Echo", "7"),
        ] as [(String, String, String?)])
    func parse(reference: String, name: String, qualifier: String?) {
        #expect(FunctionName.parse(reference) == FunctionName(name: name, qualifier: qualifier))
    }

    @Test("the last 4 KB of a log are returned base64-encoded")
    func logTail() throws {
        let log = String(repeating: "a", count: 5000) + "END"
        let decoded = try #require(Data(base64Encoded: LogTail.base64(of: log)))
        #expect(decoded.count == 4096)
        #expect(String(decoding: decoded, as: UTF8.self).hasSuffix("aEND"))
    }
}

import Foundation
