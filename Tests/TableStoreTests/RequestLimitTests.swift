import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DynamoDB's limits on keys, nesting, names and batches, each rejected with DynamoDB's message.
struct RequestLimitTests {
    /// The message of the ValidationException `body` throws; nil if it succeeds or throws something else.
    static func validationMessage(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as DynamoDBError where error.code == .validation {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    /// A value nested in `levels - 1` maps (so `levels` levels counting the scalar).
    static func nested(levels: Int) -> AttributeValue {
        var value = AttributeValue.s("leaf")
        for index in 1..<levels { value = index.isMultiple(of: 2) ? .m(["k": value]) : .l([value]) }
        return value
    }

    static let hashKeyMessage =
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
    static let rangeKeyMessage =
        "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"

    @Test("partition keys up to 2,048 bytes and sort keys up to 1,024 bytes are stored; one byte more is not")
    func keySizes() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let long = { (bytes: Int) in AttributeValue.s(String(repeating: "é", count: bytes / 2)) }
        try await store.put("things", ["pk": long(2048), "sk": long(1024)])
        #expect(
            await Self.validationMessage { try await store.put("things", ["pk": long(2050), "sk": .s("1")]) }
                == Self.hashKeyMessage)
        #expect(
            await Self.validationMessage { try await store.put("things", ["pk": .s("a"), "sk": long(1026)]) }
                == Self.rangeKeyMessage)
        #expect(
            await Self.validationMessage {
                _ = try await store.getItem(GetItemInput(tableName: "things", key: ["pk": long(4096), "sk": .s("1")]))
            } == Self.hashKeyMessage)
    }

    @Test("values nested 32 levels deep are stored; 33 levels are DynamoDB's nesting error")
    func nesting() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "deep": Self.nested(levels: 32)])
        let message =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"
        #expect(
            await Self.validationMessage {
                try await store.put("things", ["pk": .s("a"), "sk": .s("2"), "deep": Self.nested(levels: 33)])
            } == message)
        #expect(
            await Self.validationMessage {
                _ = try await store.updateItem(
                    UpdateItemInput(
                        tableName: "things", key: ["pk": .s("a"), "sk": .s("1")], updateExpression: "SET deep = :v",
                        expressionAttributeValues: [":v": Self.nested(levels: 40)]))
            } == message)
    }

    @Test("an attribute named \"\" is rejected")
    func emptyName() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        #expect(
            await Self.validationMessage { try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "": .s("x")]) }
                == "Empty attribute name")
    }

    @Test(
        "table names outside [a-zA-Z0-9_.-]{3,255} are rejected by every operation, not looked up",
        arguments: [
            ("ab", "Member must have length greater than or equal to 3"),
            (String(repeating: "t", count: 256), "Member must have length less than or equal to 255"),
            ("bad name", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
            ("tåble", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        ])
    func tableNames(name: String, constraint: String) async throws {
        let store = try makeStore()
        let expected = "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: \(constraint)"
        #expect(await Self.validationMessage { _ = try await store.describeTable(DescribeTableInput(tableName: name)) } == expected)
        #expect(await Self.validationMessage { _ = try await store.deleteTable(DeleteTableInput(tableName: name)) } == expected)
        #expect(await Self.validationMessage { try await store.put(name, ["pk": .s("a")]) } == expected)
        #expect(await Self.validationMessage { _ = try await store.scan(ScanInput(tableName: name)) } == expected)
    }

    @Test("an empty batch names the empty RequestItems map")
    func emptyBatches() async throws {
        let store = try makeStore()
        let message =
            "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"
        #expect(await Self.validationMessage { _ = try await store.batchWriteItem(BatchWriteItemInput(requestItems: [:])) } == message)
        #expect(await Self.validationMessage { _ = try await store.batchGetItem(BatchGetItemInput(requestItems: [:])) } == message)
    }
}
