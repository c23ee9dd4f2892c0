import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct QueryScanTests {
    /// A table with pk "p" and numeric sort keys -5…5 (and 0.5), each with a parity attribute.
    func numericTable() async throws -> TableStore {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable(sortType: .n))
        for value in ["-5", "-4", "-3", "-2", "-1", "0", "0.5", "1", "2", "3", "4", "5"] {
            let even = (Double(value) ?? 0).truncatingRemainder(dividingBy: 2) == 0
            try await store.put("things", ["pk": .s("p"), "sk": .n(value), "even": .bool(even)])
        }
        try await store.put("things", ["pk": .s("other"), "sk": .n("0")])
        return store
    }

    @Test("numeric sort keys come back by value, forward and backward, with range conditions")
    func numericOrder() async throws {
        let store = try await numericTable()
        let forward = try await store.query(
            QueryInput(
                tableName: "things", keyConditionExpression: "pk = :p AND sk BETWEEN :lo AND :hi",
                expressionAttributeValues: [":p": .s("p"), ":lo": .n("-2"), ":hi": .n("1")]))
        #expect(forward.items?.map { $0["sk"] } == [.n("-2"), .n("-1"), .n("0"), .n("0.5"), .n("1")])
        #expect(forward.count == 5)
        #expect(forward.lastEvaluatedKey == nil)
        let backward = try await store.query(
            QueryInput(
                tableName: "things", scanIndexForward: false, keyConditionExpression: "pk = :p AND sk < :z",
                expressionAttributeValues: [":p": .s("p"), ":z": .n("-3")]))
        #expect(backward.items?.map { $0["sk"] } == [.n("-4"), .n("-5")])
    }

    @Test("Limit counts items before the filter and a page ends with LastEvaluatedKey")
    func limitBeforeFilter() async throws {
        let store = try await numericTable()
        var input = QueryInput(
            tableName: "things", limit: 3, filterExpression: "even = :t", keyConditionExpression: "pk = :p",
            expressionAttributeValues: [":p": .s("p"), ":t": .bool(true)])
        var pages: [[AttributeValue?]] = []
        var scanned = 0
        repeat {
            let page = try await store.query(input)
            pages.append(page.items?.map { $0["sk"] } ?? [])
            scanned += page.scannedCount ?? 0
            #expect(page.count == page.items?.count)
            input.exclusiveStartKey = page.lastEvaluatedKey
        } while input.exclusiveStartKey != nil
        // 12 items, Limit 3: the fourth page is full, so (like DynamoDB, which does not look ahead) it carries a
        // LastEvaluatedKey and a fifth, empty page follows.
        #expect(pages == [[.n("-4")], [.n("-2"), .n("0")], [.n("2")], [.n("4")], []])
        #expect(scanned == 12)
    }

    @Test("Select COUNT returns counts only; a filter on a key attribute is rejected")
    func countAndKeyFilter() async throws {
        let store = try await numericTable()
        let counted = try await store.query(
            QueryInput(
                tableName: "things", select: .count, keyConditionExpression: "pk = :p AND sk >= :z",
                expressionAttributeValues: [":p": .s("p"), ":z": .n("0")]))
        #expect(counted.items == nil)
        #expect(counted.count == 7)
        let error = await dynamoError {
            _ = try await store.query(
                QueryInput(
                    tableName: "things", filterExpression: "sk > :z", keyConditionExpression: "pk = :p",
                    expressionAttributeValues: [":p": .s("p"), ":z": .n("0")]))
        }
        #expect(
            error
                == DynamoDBError(
                    .validation,
                    "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"))
    }

    @Test("pages stop after 1 MB of items")
    func megabytePages() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable(sortType: .n))
        let filler = String(repeating: "x", count: 300 * 1024)
        for index in 0..<5 { try await store.put("things", ["pk": .s("p"), "sk": .n(String(index)), "f": .s(filler)]) }
        let first = try await store.query(
            QueryInput(
                tableName: "things", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": .s("p")]))
        #expect(first.count == 4)
        #expect(first.lastEvaluatedKey == ["pk": .s("p"), "sk": .n("3")])
        let scan = try await store.scan(ScanInput(tableName: "things", exclusiveStartKey: first.lastEvaluatedKey))
        #expect(scan.items?.map { $0["sk"] } == [.n("4")])
    }

    @Test("Scan segments partition the table and together return every item once")
    func scanSegments() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable(sortType: nil))
        for index in 0..<40 { try await store.put("things", ["pk": .s("item-\(index)")]) }
        var seen: [String] = []
        for segment in 0..<4 {
            let page = try await store.scan(ScanInput(tableName: "things", totalSegments: 4, segment: segment))
            seen += page.items?.compactMap { if case .s(let text) = $0["pk"] { text } else { nil } } ?? []
        }
        #expect(seen.sorted() == (0..<40).map { "item-\($0)" }.sorted())
        let error = await dynamoError {
            _ = try await store.scan(ScanInput(tableName: "things", totalSegments: 4, segment: 4))
        }
        #expect(
            error?.message
                == "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4"
        )
    }
}
