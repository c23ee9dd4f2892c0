import DynamoDBClient
import DynamoDBTypes
import Foundation
import LambdaTesting
import Messaging
import Testing

/// Patterns A–D and the seed over the in-memory engine, with a fixed clock and sequential uuids.
struct PatternTests {
    let harness: LambdaTestHarness
    let clock = TestClock("2026-11-20T16:08:58Z")
    let uuids = SequentialUUIDs()
    let store: MessageStore
    let andrew: User
    let bayko: User
    let londo: User

    init() async throws {
        harness = try await LambdaTestHarness()
        let users = try fixtureUsers()
        andrew = try users.user(handle: "andrewbrown")
        bayko = try users.user(handle: "bayko")
        londo = try users.user(handle: "londo")
        let (clock, uuids) = (clock, uuids)
        store = MessageStore(operations: harness.operations, now: { clock.now() }, makeUUID: { uuids.next() })
    }

    @Test("A: the newest 20 messages of the current year, oldest first")
    func patternA() async throws {
        _ = try await harness.operations.putItem(
            PutItemInput(
                tableName: table,
                item: messageItem(
                    group: groupOne, sender: bayko, sk: "2025-12-31T23:59:59.000000+00:00", text: "last year")))
        for index in 0..<25 {
            _ = try await store.createMessage(
                group: groupOne, sender: index.isMultiple(of: 2) ? andrew : bayko, text: "line \(index)")
            clock.advance(seconds: 60)
        }
        let messages = try await store.listMessages(group: groupOne)
        #expect(messages.map(\.message) == (5..<25).map { "line \($0)" })
        #expect(
            messages.first
                == Message(
                    uuid: "00000000-0000-4000-8000-000000000006", displayName: "Andrew Bayko",
                    handle: "bayko", message: "line 5", createdAt: "2026-11-20T16:13:58.000000+00:00"))
    }

    @Test("B: a user's conversations, newest first, each about the other participant")
    func patternB() async throws {
        let first = try await store.createConversation(sender: andrew, receiver: bayko, text: "hello bayko")
        clock.advance(seconds: 5)
        let second = try await store.createConversation(sender: londo, receiver: andrew, text: "hello andrew")
        let inbox = try await store.listConversations(user: andrew)
        #expect(
            inbox == [
                Conversation(
                    uuid: second.group, displayName: "Londo Mollari", handle: "londo", message: "hello andrew",
                    createdAt: "2026-11-20T16:09:03.000000+00:00"),
                Conversation(
                    uuid: first.group, displayName: "Andrew Bayko", handle: "bayko", message: "hello bayko",
                    createdAt: "2026-11-20T16:08:58.000000+00:00"),
            ])
        #expect(try await store.listConversations(user: bayko).map(\.handle) == ["andrewbrown"])
    }

    @Test("C: a message item with sk = now, a new uuid and the sender's details")
    func patternC() async throws {
        let message = try await store.createMessage(group: groupOne, sender: andrew, text: "hi")
        #expect(
            message
                == Message(
                    uuid: "00000000-0000-4000-8000-000000000001", displayName: "Andrew Brown", handle: "andrewbrown",
                    message: "hi", createdAt: "2026-11-20T16:08:58.000000+00:00"))
        let items = try await harness.items(of: table)
        #expect(
            items == [
                messageItem(
                    group: groupOne, sender: andrew, sk: "2026-11-20T16:08:58.000000+00:00", text: "hi",
                    uuid: "00000000-0000-4000-8000-000000000001")
            ])
    }

    @Test("C never overwrites a message written at the same microsecond")
    func patternCRefusesOverwrite() async throws {
        _ = try await store.createMessage(group: groupOne, sender: andrew, text: "first")
        let error = await #expect(throws: MessagingError.self) {
            try await store.createMessage(group: groupOne, sender: bayko, text: "second")
        }
        #expect(error?.code == .dynamoDB)
        #expect(error?.underlying?.code == .conditionalCheckFailed)
        #expect(try await harness.items(of: table).count == 1)
    }

    @Test("D: both group rows and the first message, written together")
    func patternD() async throws {
        let sent = try await store.createConversation(sender: andrew, receiver: bayko, text: "first!")
        #expect(sent.pattern == .newGroup)
        #expect(sent.group == "00000000-0000-4000-8000-000000000001")
        let sk = "2026-11-20T16:08:58.000000+00:00"
        let items = try await harness.items(of: table)
        #expect(items.count == 3)
        #expect(items.contains(groupRow(owner: andrew, other: bayko, group: sent.group, sk: sk, text: "first!")))
        #expect(items.contains(groupRow(owner: bayko, other: andrew, group: sent.group, sk: sk, text: "first!")))
        #expect(
            items.contains(
                messageItem(
                    group: sent.group, sender: andrew, sk: sk, text: "first!",
                    uuid: "00000000-0000-4000-8000-000000000002"
                )))
    }

    @Test("D is one transaction: when one write is refused, nothing is written")
    func patternDIsAtomic() async throws {
        // The message key D will use is already taken, so the transaction's third put fails.
        _ = try await harness.operations.putItem(
            PutItemInput(
                tableName: table,
                item: messageItem(
                    group: "00000000-0000-4000-8000-000000000001", sender: londo,
                    sk: "2026-11-20T16:08:58.000000+00:00", text: "squatter")))
        let error = await #expect(throws: MessagingError.self) {
            try await store.createConversation(sender: andrew, receiver: bayko, text: "first!")
        }
        #expect(error?.underlying?.code == .transactionCanceled)
        let items = try await harness.items(of: table)
        #expect(items.map { $0["message"] } == [.s("squatter")])
    }

    @Test("send uses D for a new pair of users and C once their group exists")
    func sendPicksCOrD() async throws {
        let first = try await store.send(from: andrew, to: bayko, text: "one")
        clock.advance(seconds: 1)
        let second = try await store.send(from: bayko, to: andrew, text: "two")
        clock.advance(seconds: 1)
        let third = try await store.send(from: andrew, to: londo, text: "three")
        #expect([first.pattern, second.pattern, third.pattern] == [.newGroup, .existingGroup, .newGroup])
        #expect(second.group == first.group)
        #expect(third.group != first.group)
        #expect(try await store.listMessages(group: first.group).map(\.message) == ["one", "two"])
    }

    @Test("seed writes both group rows at now and line i at now + i minutes")
    func seed() async throws {
        let lines = [SeedLine(sender: andrew, text: "a"), SeedLine(sender: bayko, text: "b")]
        let messages = try await store.seed(group: groupOne, users: (andrew, bayko), lines: lines, filler: "filler")
        #expect(messages.map(\.createdAt) == ["2026-11-20T16:09:58.000000+00:00", "2026-11-20T16:10:58.000000+00:00"])
        #expect(try await store.listMessages(group: groupOne) == messages)
        #expect(
            try await store.listConversations(user: bayko)
                == [
                    Conversation(
                        uuid: groupOne, displayName: "Andrew Brown", handle: "andrewbrown", message: "filler",
                        createdAt: "2026-11-20T16:08:58.000000+00:00")
                ])
        let error = await #expect(throws: MessagingError.self) {
            try await store.seed(
                group: groupOne, users: (andrew, bayko), lines: [SeedLine(sender: londo, text: "c")], filler: "f")
        }
        #expect(error?.description == "Seed line 1 is from \"londo\", who is not in the conversation")
    }
}
