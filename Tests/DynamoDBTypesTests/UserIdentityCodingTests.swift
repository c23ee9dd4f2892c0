import DynamoDBTypes
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A TTL record's `userIdentity`: `{"type","principalId"}` in Lambda events, `{"PrincipalId","Type"}` in GetRecords.
struct UserIdentityCodingTests {
    @Test("events use Lambda's spelling; the Streams API spelling is written on request; both are read")
    func spellings() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(UserIdentity.timeToLive), as: UTF8.self)
                == #"{"principalId":"dynamodb.amazonaws.com","type":"Service"}"#)
        encoder.userInfo[UserIdentity.streamsAPISpelling] = true
        #expect(
            String(decoding: try encoder.encode(UserIdentity.timeToLive), as: UTF8.self)
                == #"{"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"}"#)
        for text in [
            #"{"type":"Service","principalId":"dynamodb.amazonaws.com"}"#,
            #"{"Type":"Service","PrincipalId":"dynamodb.amazonaws.com"}"#,
        ] {
            #expect(try JSONDecoder().decode(UserIdentity.self, from: Data(text.utf8)) == .timeToLive)
        }
    }
}
