import DynamoDBTypes
import Testing

@testable import TableStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct TimeToLiveRuleTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("only a Number of epoch seconds not in the future and at most five years old is due")
    func eligibility() {
        #expect(TimeToLiveRule.isExpired(.n("1700000000"), now: now))
        #expect(TimeToLiveRule.isExpired(.n("1699999999.5"), now: now))
        #expect(!TimeToLiveRule.isExpired(.n("1700000001"), now: now))
        let fiveYears = TimeToLiveRule.maximumAge
        #expect(TimeToLiveRule.isExpired(.n(String(Int(now.timeIntervalSince1970 - fiveYears))), now: now))
        #expect(!TimeToLiveRule.isExpired(.n(String(Int(now.timeIntervalSince1970 - fiveYears - 1))), now: now))
        #expect(!TimeToLiveRule.isExpired(.s("1600000000"), now: now))
        #expect(!TimeToLiveRule.isExpired(.ns(["1600000000"]), now: now))
        #expect(!TimeToLiveRule.isExpired(nil, now: now))
        // Milliseconds by mistake: far in the future, never due.
        #expect(!TimeToLiveRule.isExpired(.n("1600000000000"), now: now))
    }
}

struct TimeToLiveTests {
    func enable(_ store: TableStore, _ table: String = "things", attribute: String = "expires") async throws {
        _ = try await store.updateTimeToLive(
            UpdateTimeToLiveInput(
                tableName: table,
                timeToLiveSpecification: TimeToLiveSpecification(attributeName: attribute, enabled: true)))
    }

    @Test("UpdateTimeToLive and DescribeTimeToLive: enable, describe, refuse repeats, disable")
    func updateAndDescribe() async throws {
        let store = try makeStore()
        _ = try await store.createTable(simpleTable())
        let initial = try await store.describeTimeToLive(DescribeTimeToLiveInput(tableName: "things"))
        #expect(initial.timeToLiveDescription == TimeToLiveDescription(timeToLiveStatus: .disabled))
        try await enable(store)
        let enabled = try await store.describeTimeToLive(DescribeTimeToLiveInput(tableName: "things"))
        #expect(enabled.timeToLiveDescription == TimeToLiveDescription(timeToLiveStatus: .enabled, attributeName: "expires"))
        let again = await dynamoError { try await enable(store, attribute: "other") }
        #expect(again?.code == .validation && again?.message == "TimeToLive is already enabled")
        let wrong = await dynamoError {
            _ = try await store.updateTimeToLive(
                UpdateTimeToLiveInput(
                    tableName: "things",
                    timeToLiveSpecification: TimeToLiveSpecification(attributeName: "other", enabled: false)))
        }
        #expect(wrong?.code == .validation)
        _ = try await store.updateTimeToLive(
            UpdateTimeToLiveInput(
                tableName: "things",
                timeToLiveSpecification: TimeToLiveSpecification(attributeName: "expires", enabled: false)))
        let disabled = try await store.describeTimeToLive(DescribeTimeToLiveInput(tableName: "things"))
        #expect(disabled.timeToLiveDescription?.timeToLiveStatus == .disabled)
        let missing = await dynamoError { try await enable(store, "nothing") }
        #expect(missing?.code == .resourceNotFound)
    }

    @Test("a sweep deletes exactly the due items, each with a REMOVE record carrying the TTL userIdentity")
    func sweep() async throws {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        let created = try await store.createTable(simpleTable(stream: .newAndOldImages))
        let arn = try #require(created.tableDescription?.latestStreamArn)
        let now = Int(clock.now.timeIntervalSince1970)
        // Written before TTL is enabled: found by the backfill.
        try await store.put("things", ["pk": .s("old"), "sk": .s("1"), "expires": .n(String(now - 10))])
        try await enable(store)
        try await store.put("things", ["pk": .s("due"), "sk": .s("1"), "expires": .n(String(now))])
        try await store.put("things", ["pk": .s("later"), "sk": .s("1"), "expires": .n(String(now + 60))])
        try await store.put("things", ["pk": .s("text"), "sk": .s("1"), "expires": .s(String(now - 10))])
        try await store.put("things", ["pk": .s("ancient"), "sk": .s("1"), "expires": .n("1000")])
        // Rewritten without a TTL value: no longer a candidate.
        try await store.put("things", ["pk": .s("kept"), "sk": .s("1"), "expires": .n(String(now - 5))])
        try await store.put("things", ["pk": .s("kept"), "sk": .s("1")])

        #expect(try await store.sweepExpiredItems() == 2)
        let remaining = try await store.scan(ScanInput(tableName: "things")).items ?? []
        #expect(Set(remaining.compactMap { $0["pk"] }) == [.s("later"), .s("text"), .s("ancient"), .s("kept")])
        let records = try await store.readRecords(streamArn: arn, after: nil)
        let removals = records.filter { $0.eventName == .remove }
        #expect(Set(removals.compactMap { $0.dynamodb.keys["pk"] }) == [.s("old"), .s("due")])
        #expect(removals.allSatisfy { $0.userIdentity == .timeToLive })
        #expect(removals.allSatisfy { $0.dynamodb.oldImage?["expires"] != nil })
        #expect(records.filter { $0.eventName != .remove }.allSatisfy { $0.userIdentity == nil })

        clock.advance(by: 61)
        #expect(try await store.sweepExpiredItems() == 1)
        #expect(try await store.sweepExpiredItems() == 0)
        // A user's delete carries no identity.
        _ = try await store.deleteItem(DeleteItemInput(tableName: "things", key: ["pk": .s("text"), "sk": .s("1")]))
        let last = try #require(try await store.readRecords(streamArn: arn, after: nil).last)
        #expect(last.eventName == .remove && last.userIdentity == nil)
    }

    @Test("a table whose TTL is disabled is not swept")
    func disabledTableIsNotSwept() async throws {
        let clock = ManualClock()
        let store = try makeStore(clock: clock)
        _ = try await store.createTable(simpleTable())
        try await enable(store)
        try await store.put("things", ["pk": .s("a"), "sk": .s("1"), "expires": .n("1600000000")])
        _ = try await store.updateTimeToLive(
            UpdateTimeToLiveInput(
                tableName: "things",
                timeToLiveSpecification: TimeToLiveSpecification(attributeName: "expires", enabled: false)))
        #expect(try await store.sweepExpiredItems() == 0)
        #expect(try await store.scan(ScanInput(tableName: "things")).count == 1)
    }

    @Test("the stored record keeps the TTL identity through its binary form")
    func storedIdentityRoundTrip() throws {
        let record = StoredStreamRecord(
            eventID: String(repeating: "a", count: 32), eventName: .remove, created: Date(timeIntervalSince1970: 5),
            keys: ["pk": .s("a")], newItem: nil, oldItem: ["pk": .s("a")], viewType: .oldImage,
            userIdentity: .timeToLive)
        #expect(try StoredStreamRecord(decoding: record.encoded()) == record)
        var plain = record
        plain.userIdentity = nil
        #expect(try StoredStreamRecord(decoding: plain.encoded()) == plain)
    }
}
