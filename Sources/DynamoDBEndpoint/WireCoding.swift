import DynamoDBTypes
import Foundation
import TableStore

/// JSON in and out of the wire shapes, with decoding failures reported as DynamoDB reports them.
enum WireCoding {
    /// Decodes an operation's input.
    /// - Throws: SerializationException for malformed JSON, a key twice in one object or a value of the wrong
    ///   JSON type, ValidationException for nesting past any legal request, a missing required member or a value
    ///   outside an enumeration, each naming the member's path.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(DynamoDBError) -> T {
        if let problem = RequestBodyCheck.problem(in: data) { throw translate(problem) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw translate(error)
        } catch {
            throw DynamoDBError(.serialization, "The request body could not be read: \(error)")
        }
    }

    /// Encodes an operation's output (absent members omitted, a stream record's `userIdentity` as
    /// `{"PrincipalId","Type"}`, `/` unescaped as DynamoDB writes ARNs; with
    /// `sortedKeys`, object keys in order, as ``ItemJSONWriter`` writes them).
    static func encode<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws(DynamoDBError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.withoutEscapingSlashes, .sortedKeys] : [.withoutEscapingSlashes]
        // GetRecords spells a record's userIdentity as the Streams API does, not as Lambda events do.
        encoder.userInfo[UserIdentity.streamsAPISpelling] = true
        do {
            return try encoder.encode(value)
        } catch {
            throw DynamoDBError(.internalServerError, "The response could not be encoded: \(error)")
        }
    }
}
