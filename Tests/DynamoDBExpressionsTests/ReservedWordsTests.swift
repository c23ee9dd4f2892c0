import DynamoDBExpressions
import Testing

struct ReservedWordsTests {
    @Test("AWS's list has 573 words")
    func count() {
        #expect(ReservedWords.words.count == 573)
        #expect(ReservedWords.words.allSatisfy { $0 == $0.uppercased() })
    }

    @Test(
        "common attribute names that are reserved, as written",
        arguments: ["views", "name", "status", "data", "date", "user", "Timestamp", "COUNT", "size", "ttl", "zone"])
    func reserved(word: String) {
        #expect(ReservedWords.contains(word))
        #expect(
            errorMessage(.condition, "attribute_exists(\(word))")
                == "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: \(word)")
        #expect(
            errorMessage(.update, "REMOVE a.\(word)")
                == "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: \(word)")
    }

    @Test("ordinary names are not reserved", arguments: ["pk", "sk", "title", "email", "createdAt", "views2", "name_"])
    func notReserved(word: String) {
        #expect(!ReservedWords.contains(word))
        #expect(errorMessage(.projection, word) == nil)
    }
}
